// Every request: who is calling (session cookie, bearer token or device cookie) into
// locals.actor, the UI language into locals.locale, security headers, and JSON errors for the API.
// `init` wires the socket handlers onto the io instance the server entry created.
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { localeFromRequest } from '$lib/i18n/request';
import { authenticate, credentialsFromRequest, refreshAuthCookies } from '$lib/server/auth/resolve';
import { getSql, isStatementTimeout } from '$lib/server/db/client';
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from '$lib/server/db/unavailable';
import { errorResponse, STATEMENT_TIMEOUT_MESSAGE } from '$lib/server/http';
import { withSecurityHeaders } from '$lib/server/security-headers';
import { unavailableResponse } from '$lib/server/unavailable-page';
import { registerRealtime } from '$lib/server/realtime/register';

export const init: ServerInit = async () => {
	registerRealtime();
};

/**
 * The database out of reach (a restart, a failover) is a 503 with Retry-After on every door, never a
 * 500: thrown while authenticating, or met by a load or action (handleError marks it). So is a query
 * past its statement timeout (a statistics range too long), with its own message.
 */
const databaseOutage: Handle = async ({ event, resolve }) => {
	try {
		const response = await resolve(event);
		if (!event.locals.databaseTrouble || response.status < 500) return response;
	} catch (error) {
		if (!isDatabaseUnavailable(error)) throw error;
		event.locals.databaseTrouble = 'unavailable';
	}
	const { request, url, locals } = event;
	return withSecurityHeaders(
		unavailableResponse(request, url, locals.locale ?? 'id', locals.databaseTrouble)
	);
};

const respond: Handle = async ({ event, resolve }) => {
	const { pathname } = event.url;
	event.locals.locale = localeFromRequest(event.cookies, event.request);
	if (pathname === '/healthz' || pathname === '/readyz') {
		// probes: no cookie, no session lookup, so they answer even when sign-in could not
		event.locals.actor = { kind: 'anonymous' };
	} else {
		const credentials = credentialsFromRequest(event.cookies, event.request);
		const auth = await authenticate(getSql(), credentials);
		event.locals.actor = auth.actor;
		event.locals.revokedDevice = auth.revokedDevice;
		refreshAuthCookies(event.cookies, auth, credentials, event.url);
	}
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	if (pathname.startsWith('/api/') && response.status >= 400 && !isJson(response)) {
		// SvelteKit answers unknown routes, wrong methods and CSRF refusals in text or HTML;
		// API clients always get the one JSON error shape.
		const text = (await response.text()).slice(0, 300);
		return withSecurityHeaders(
			errorResponse(response.status, codeFor(response.status), text || response.statusText)
		);
	}
	return withSecurityHeaders(response);
};

function isJson(response: Response): boolean {
	return response.headers.get('content-type')?.includes('json') ?? false;
}

function codeFor(status: number): string {
	if (status === 404) return 'not_found';
	if (status === 405) return 'method_not_allowed';
	if (status === 403) return 'forbidden';
	if (status === 413) return 'payload_too_large';
	return status >= 500 ? 'internal' : 'bad_request';
}

export const handle = sequence(databaseOutage, respond);

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (isDatabaseUnavailable(error)) {
		event.locals.databaseTrouble = 'unavailable';
		return { code: 'database_unavailable', message: UNAVAILABLE_MESSAGE };
	}
	if (isStatementTimeout(error)) {
		event.locals.databaseTrouble = 'timeout';
		return { code: 'database_timeout', message: STATEMENT_TIMEOUT_MESSAGE };
	}
	if (status >= 500) console.error(`${event.request.method} ${event.url.pathname}:`, error);
	return {
		message:
			status === 404
				? 'Halaman tidak ditemukan (not found).'
				: 'Terjadi kesalahan pada server (internal error).',
		code: status === 404 ? 'not_found' : 'internal'
	};
};
