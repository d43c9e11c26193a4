import { error, redirect } from '@sveltejs/kit';
import { formatClock, localTime, zoneLabel } from '$lib/domain/local-day';
import { deviceKinds, type DeviceKind } from '$lib/domain/types';
import { checkPairing, PAIRING_MINUTES, requestPairing } from '$lib/server/admin/devices';
import { setDeviceCookie } from '$lib/server/auth/cookies';
import { getSql } from '$lib/server/db/client';
import { isAppError, TooManyRequests } from '$lib/server/errors';
import { requireMppBySlug } from '$lib/server/mpps';
import type { PageServerLoad } from './$types';

const PAIRING_COOKIE = 'antrean_pairing';
const home: Record<DeviceKind, string> = { display: 'display', kiosk: 'kiosk', feedback: 'feedback' };

/**
 * An unpaired device shows a code and checks every few seconds whether the MPP's admin has typed it
 * in; then it gets its device cookie and opens its screen. `?new` asks for a fresh code.
 */
export const load: PageServerLoad = async ({
	params,
	cookies,
	url,
	locals,
	getClientAddress,
	setHeaders
}) => {
	const kind = params.kind as DeviceKind;
	if (!(deviceKinds as readonly string[]).includes(kind))
		error(404, { message: 'Not found', code: 'not_found' });
	const sql = getSql();
	let mpp;
	try {
		mpp = await requireMppBySlug(sql, params.mpp);
	} catch (cause) {
		if (isAppError(cause)) error(cause.status, { message: cause.message, code: cause.code });
		throw cause;
	}
	const secret = url.searchParams.has('new') ? undefined : cookies.get(PAIRING_COOKIE);
	const check = secret ? await checkPairing(sql, secret) : ({ status: 'expired' } as const);
	if (check.status === 'paired') {
		setDeviceCookie(cookies, check.token, url);
		cookies.delete(PAIRING_COOKIE, { path: '/pair' });
		redirect(303, `/${home[kind]}/${mpp.slug}`);
	}
	let code: string;
	let expiresAt: Date;
	if (check.status === 'waiting') {
		({ code, expiresAt } = check);
	} else {
		const request = await requestPairing(sql, mpp.id, kind, {
			address: getClientAddress(),
			previousSecret: cookies.get(PAIRING_COOKIE)
		}).catch((cause) => {
			if (cause instanceof TooManyRequests) setHeaders({ 'retry-after': String(cause.retryAfterSeconds) });
			if (isAppError(cause)) error(cause.status, { message: cause.message, code: cause.code });
			throw cause;
		});
		({ code, expiresAt } = request);
		cookies.set(PAIRING_COOKIE, request.secret, {
			path: '/pair',
			httpOnly: true,
			sameSite: 'lax',
			maxAge: PAIRING_MINUTES * 60,
			secure: url.protocol === 'https:'
		});
		if (url.searchParams.has('new')) redirect(303, url.pathname);
	}
	return {
		locale: locals.locale,
		mppName: mpp.name,
		kind,
		code,
		until: `${formatClock(localTime(expiresAt, mpp.timezone).minutes)} ${zoneLabel(mpp.timezone)}`
	};
};
