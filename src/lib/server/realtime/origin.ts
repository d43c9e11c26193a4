// Cross-site WebSocket hijacking guard: browsers send Origin on every WebSocket handshake, and a
// cookie-authenticated socket opened by another site's page must be refused.
import type { IncomingHttpHeaders } from 'node:http';

/** Origins from ORIGIN (adapter-node's own setting) and ANTREAN_ALLOWED_ORIGINS, comma-separated. */
export function allowedOriginsFromEnv(env: Record<string, string | undefined> = process.env): Set<string> {
	const listed = [env.ORIGIN, env.ANTREAN_ALLOWED_ORIGINS].flatMap((value) => (value ?? '').split(','));
	const origins = new Set<string>();
	for (const entry of listed) {
		const origin = normalise(entry.trim());
		if (origin) origins.add(origin);
	}
	return origins;
}

/**
 * Allowed when Origin is absent (TV apps, other systems: authentication still applies), equals the
 * request's own origin, or is listed. `hostHeader` follows adapter-node's HOST_HEADER behind a proxy.
 */
export function isOriginAllowed(
	headers: IncomingHttpHeaders,
	allowed: Set<string>,
	hostHeader = 'host'
): boolean {
	const origin = headers.origin;
	if (origin === undefined) return true;
	const normalised = normalise(origin);
	if (!normalised) return false;
	if (allowed.has(normalised)) return true;
	const host = firstValue(headers[hostHeader.toLowerCase()]);
	if (!host) return false;
	return normalised === normalise(`http://${host}`) || normalised === normalise(`https://${host}`);
}

function normalise(value: string): string | null {
	if (!value) return null;
	try {
		const url = new URL(value);
		return url.origin === 'null' ? null : url.origin;
	} catch {
		return null;
	}
}

function firstValue(value: string | string[] | undefined): string | undefined {
	const first = Array.isArray(value) ? value[0] : value;
	// a proxy may append: "x-forwarded-host: a.example, b.example"
	return first?.split(',')[0].trim();
}
