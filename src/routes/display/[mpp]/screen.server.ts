// The lobby TV's server side: who may open it, pairing by link, and what its first paint shows.
// Service errors (unknown MPP, invalid pairing link) become SvelteKit errors, so the display's own
// error page explains them instead of a bare 500.
import { error, redirect, type Cookies } from '@sveltejs/kit';
import { parseDisplayFilter, type FilterableService } from '$lib/display/filter';
import type { Actor } from '$lib/server/auth/actor';
import { setDeviceCookie } from '$lib/server/auth/cookies';
import type { Db, Sql } from '$lib/server/db/client';
import type { Mpp } from '$lib/server/db/mpps';
import { listServicesWithWaiting } from '$lib/server/db/services';
import { listTenants } from '$lib/server/db/tenants';
import { claimDeviceToken } from '$lib/server/devices/pairing';
import { deniedCode, screenAccess } from '$lib/server/devices/screen-access';
import { isAppError } from '$lib/server/errors';
import { requireMppBySlug } from '$lib/server/mpps';
import { displaySnapshot } from '$lib/server/realtime/snapshot';

/** The service's AppError as the page error SvelteKit renders with the right status. */
export async function orPageError<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (cause) {
		if (isAppError(cause)) error(cause.status, { message: cause.message, code: cause.code });
		throw cause;
	}
}

export async function findDisplayMpp(db: Db, slug: string): Promise<Mpp> {
	return orPageError(requireMppBySlug(db, slug));
}

/**
 * Opening `…/display/<slug>?device=<token>` pairs this browser as the MPP's display: the token goes
 * into the long-lived device cookie and out of the address bar (a TV's URL is often visible).
 */
export async function pairIfLinked(db: Db, mpp: Mpp, url: URL, cookies: Cookies): Promise<void> {
	const token = url.searchParams.get('device');
	if (token === null) return;
	try {
		await claimDeviceToken(db, token, { mppId: mpp.id, kind: 'display' });
	} catch (cause) {
		if (isAppError(cause)) error(403, { message: cause.message, code: 'invalid_pairing_link' });
		throw cause;
	}
	setDeviceCookie(cookies, token, url);
	const clean = new URL(url);
	clean.searchParams.delete('device');
	redirect(303, clean.pathname + clean.search);
}

export function requireDisplayAccess(actor: Actor, mpp: Mpp, revoked?: boolean): 'device' | 'preview' {
	const access = screenAccess(actor, mpp.id, 'display');
	if (access === 'denied') {
		error(403, { message: 'Layar ini belum dipasangkan (display not paired).', code: deniedCode(revoked) });
	}
	return access;
}

export async function displayBoard(db: Sql, mpp: Mpp, query: URLSearchParams) {
	const [snapshot, services, tenants] = await Promise.all([
		displaySnapshot(db, mpp.id),
		listServicesWithWaiting(db, mpp.id),
		listTenants(db, mpp.id)
	]);
	const tenantCodes = new Map(tenants.map((t) => [t.id, t.code]));
	const filterable: FilterableService[] = services.map((s) => ({
		id: s.id,
		code: s.code,
		prefix: s.prefix,
		tenantCode: tenantCodes.get(s.tenantId) ?? ''
	}));
	return { snapshot, filter: parseDisplayFilter(query, filterable) };
}
