// How an edge speaks to the centre (issue 13): its token, its own clock (the centre reports the
// skew), and a time limit, so a link that hangs fails like a link that is down.
import type { ServerMode } from './mode';

export type EdgeMode = Extract<ServerMode, { mode: 'edge' }>;

export class CentreRefused extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

export async function callCentre<T>(
	mode: EdgeMode,
	path: string,
	init: { method?: string; body?: unknown; timeoutMs?: number } = {}
): Promise<T> {
	const response = await fetch(`${mode.centralUrl}${path}`, {
		method: init.method ?? 'GET',
		headers: {
			authorization: `Bearer ${mode.token}`,
			'x-edge-time': String(Date.now()),
			...(init.body === undefined ? {} : { 'content-type': 'application/json' })
		},
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
		signal: AbortSignal.timeout(init.timeoutMs ?? 10_000)
	});
	if (!response.ok) {
		const text = await response.text().catch(() => '');
		throw new CentreRefused(response.status, `${path}: ${response.status} ${text.slice(0, 300)}`);
	}
	return (await response.json()) as T;
}
