// A form post as a browser without JavaScript sends it, from the app's own origin unless told
// otherwise: `text/html` in `accept` (SvelteKit answers `*/*` with its JSON action result), and the
// redirect left for the test to read.
export function formPoster(appUrl: () => string) {
	return (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
		fetch(`${appUrl()}${path}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html,application/xhtml+xml',
				origin: appUrl(),
				...headers
			},
			body: new URLSearchParams(fields),
			redirect: 'manual'
		});
}
