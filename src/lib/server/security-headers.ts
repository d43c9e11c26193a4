// Headers every response carries besides the Content-Security-Policy, which SvelteKit writes itself
// from `kit.csp` in svelte.config.js (it must, to add the per-response nonce).
// HSTS only when the public address is https: on plain http a browser ignores it anyway, and a
// developer's http://localhost must never be pinned to https by a stray header.
// Permissions-Policy: no screen uses a camera, microphone, location, payment or USB device (the TV's
// speech and chime need no permission); a later QR-scanning kiosk would allow camera=(self) here.

const permissionsPolicy = [
	'camera=()',
	'microphone=()',
	'geolocation=()',
	'payment=()',
	'usb=()',
	'serial=()',
	'hid=()',
	'bluetooth=()',
	'midi=()',
	'magnetometer=()',
	'gyroscope=()',
	'accelerometer=()',
	'display-capture=()'
].join(', ');

/** `origin` is the site's public address (ORIGIN), or undefined when it is not configured. */
export function securityHeaders(origin: string | undefined): [string, string][] {
	const headers: [string, string][] = [
		['x-content-type-options', 'nosniff'],
		['referrer-policy', 'same-origin'],
		// frame-ancestors in the CSP does this for current browsers; this one for older TV browsers
		['x-frame-options', 'SAMEORIGIN'],
		['permissions-policy', permissionsPolicy]
	];
	if (origin?.startsWith('https://')) {
		headers.push(['strict-transport-security', 'max-age=31536000; includeSubDomains']);
	}
	return headers;
}

export function withSecurityHeaders(response: Response): Response {
	try {
		for (const [name, value] of securityHeaders(process.env.ORIGIN)) response.headers.set(name, value);
	} catch {
		// immutable headers (a fetched response passed through): leave them as they are
	}
	return response;
}
