// What a person's browser gets when the database cannot answer (issue 11): out of reach (a restart, a
// failover: a short page in their language that reloads itself, with Retry-After), or a query past its
// statement timeout (a statistics range too long: no reload, it would time out again). Both are 503,
// never SvelteKit's 500 page. API calls, data requests and form actions get the JSON error (http.ts).
import { t, type Locale } from '$lib/i18n';
import { RETRY_AFTER_SECONDS } from './db/unavailable';
import { databaseUnavailableResponse, statementTimeoutResponse } from './http';

export type DatabaseTrouble = 'unavailable' | 'timeout';

export function unavailableResponse(
	request: Request,
	url: URL,
	locale: Locale,
	trouble: DatabaseTrouble = 'unavailable'
): Response {
	const wantsJson =
		url.pathname.startsWith('/api/') ||
		url.pathname.endsWith('/__data.json') ||
		request.headers.has('x-sveltekit-action') ||
		(request.headers.get('accept') ?? '').includes('application/json');
	const timeout = trouble === 'timeout';
	if (wantsJson) return timeout ? statementTimeoutResponse() : databaseUnavailableResponse();
	const title = t(locale, timeout ? 'app.timeout.title' : 'app.unavailable.title');
	const body = t(locale, timeout ? 'app.timeout.body' : 'app.unavailable.body');
	const refresh = timeout ? '' : `<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS + 2}">`;
	const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refresh}<title>${title}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">
<h1>${title}</h1><p>${body}</p></body></html>`;
	return new Response(html, {
		status: 503,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			...(timeout ? {} : { 'retry-after': String(RETRY_AFTER_SECONDS) }),
			'cache-control': 'no-store'
		}
	});
}
