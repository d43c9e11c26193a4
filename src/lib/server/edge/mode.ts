// One codebase, two modes (issue 13, DESIGN "Edge nodes"): `central` is the national server;
// `edge` runs one MPP on its LAN and syncs with the centre. Read once at start, so a typo in the
// environment stops the server with a sentence that says what to set, not a failure hours later.
import { z } from 'zod';

export type ServerMode =
	{ mode: 'central' } | { mode: 'edge'; centralUrl: string; token: string; mppSlug: string };

const edgeSchema = z.object({
	ANTREAN_CENTRAL_URL: z.url({
		protocol: /^https?$/,
		error: "ANTREAN_CENTRAL_URL must be the centre's http(s) address, e.g. https://antrean.example.go.id"
	}),
	ANTREAN_EDGE_TOKEN: z
		.string({ error: 'ANTREAN_EDGE_TOKEN must be the token shown when the edge was created in /admin/<mpp>' })
		.regex(/^[a-z2-7]{16,256}$/, 'ANTREAN_EDGE_TOKEN is not an edge token (copy it from /admin/<mpp>)'),
	ANTREAN_EDGE_MPP: z
		.string({ error: 'ANTREAN_EDGE_MPP must be the slug of the MPP this edge serves' })
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ANTREAN_EDGE_MPP must be an MPP slug such as mpp-jayapura')
});

export class ModeConfigError extends Error {}

export function readServerMode(env: Record<string, string | undefined>): ServerMode {
	const mode = env.ANTREAN_MODE ?? 'central';
	if (mode === 'central') return { mode: 'central' };
	if (mode !== 'edge') throw new ModeConfigError(`ANTREAN_MODE must be "central" or "edge", not "${mode}".`);
	const parsed = edgeSchema.safeParse(env);
	if (!parsed.success)
		throw new ModeConfigError(`ANTREAN_MODE=edge: ${parsed.error.issues.map((i) => i.message).join('; ')}.`);
	return {
		mode: 'edge',
		centralUrl: parsed.data.ANTREAN_CENTRAL_URL.replace(/\/+$/, ''),
		token: parsed.data.ANTREAN_EDGE_TOKEN,
		mppSlug: parsed.data.ANTREAN_EDGE_MPP
	};
}
