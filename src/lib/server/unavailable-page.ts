// What a person's browser gets while the database is out of reach (issue 11): a short page in their
// language that reloads itself, with 503 and Retry-After, instead of SvelteKit's 500 page. API calls,
// data requests and form actions get the JSON error (http.ts databaseUnavailableResponse).
import { t, type Locale } from '$lib/i18n';
import { RETRY_AFTER_SECONDS } from './db/unavailable';
import { databaseUnavailableResponse } from './http';

export function unavailableResponse(request: Request, url: URL, locale: Locale): Response {
	const wantsJson =
		url.pathname.startsWith('/api/') ||
		url.pathname.endsWith('/__data.json') ||
		request.headers.has('x-sveltekit-action') ||
		(request.headers.get('accept') ?? '').includes('application/json');
	if (wantsJson) return databaseUnavailableResponse();
	const title = t(locale, 'app.unavailable.title');
	const body = t(locale, 'app.unavailable.body');
	const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS + 2}"><title>${title}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">
<h1>${title}</h1><p>${body}</p></body></html>`;
	return new Response(html, {
		status: 503,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'retry-after': String(RETRY_AFTER_SECONDS),
			'cache-control': 'no-store'
		}
	});
}
