// Which push services a subscription may point at. The server POSTs to whatever endpoint a page sends,
// so an open list would let anyone make our nodes call any URL (SSRF, e.g. an internal admin port):
// only https on the browsers' own push services is accepted. ANTREAN_PUSH_HOSTS replaces the list
// (comma-separated; a leading dot matches subdomains), e.g. for a test's local push service.
const browserPushHosts = [
	'fcm.googleapis.com', // Chrome, Edge on Android, Samsung Internet
	'updates.push.services.mozilla.com', // Firefox
	'.push.apple.com', // Safari (web.push.apple.com)
	'.notify.windows.com' // Edge on Windows
];

export function allowedPushHosts(): string[] {
	const configured = process.env.ANTREAN_PUSH_HOSTS?.split(',')
		.map((host) => host.trim().toLowerCase())
		.filter(Boolean);
	return configured?.length ? configured : browserPushHosts;
}

export function isAllowedPushEndpoint(endpoint: string, hosts = allowedPushHosts()): boolean {
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		return false;
	}
	if (url.protocol !== 'https:' || url.username || url.password) return false;
	const host = url.hostname.toLowerCase();
	return hosts.some((allowed) => (allowed.startsWith('.') ? host.endsWith(allowed) : host === allowed));
}
