import { redirect } from '@sveltejs/kit';
import { setDeviceCookie } from '$lib/server/auth/cookies';
import { getSql } from '$lib/server/db/client';
import { deniedCode } from '$lib/server/devices/screen-access';
import { rethrowAsPageError } from '$lib/server/kiosk/page-error';
import { kioskOptions, kioskOptionsQuery, pairKiosk, requireKioskScreen } from '$lib/server/kiosk/screen';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params, locals, url, cookies }) => {
	const sql = getSql();
	const token = url.searchParams.get('device');
	if (token !== null) {
		// the pairing link: keep the token in the device cookie and take it out of the address bar
		await pairKiosk(sql, params.mpp, token).catch((e) => rethrowAsPageError(e, 'pairing_invalid'));
		setDeviceCookie(cookies, token, url);
		const clean = new URL(url);
		clean.searchParams.delete('device');
		redirect(303, clean.pathname + clean.search);
	}
	const { mpp, access } = await requireKioskScreen(sql, params.mpp, locals.actor).catch((e) =>
		rethrowAsPageError(e, e?.status === 403 ? deniedCode(locals.revokedDevice) : undefined)
	);
	const options = kioskOptions(url.searchParams);
	return {
		locale: locals.locale,
		access,
		mpp: { id: mpp.id, slug: mpp.slug, name: mpp.name, city: mpp.city, timezone: mpp.timezone },
		options,
		optionsQuery: kioskOptionsQuery(options)
	};
};
