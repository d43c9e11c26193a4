import { getSql } from '$lib/server/db/client';
import { rethrowAsPageError } from '$lib/server/kiosk/page-error';
import { kioskSlip } from '$lib/server/kiosk/slip';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, url, locals }) => {
	const { mpp } = await parent(); // pairing and access first
	const slip = await kioskSlip(getSql(), {
		mppId: mpp.id,
		trackCode: params.code,
		// the QR code must open on a citizen's phone: the absolute address of this server
		origin: url.origin,
		locale: locals.locale
	}).catch((e) => rethrowAsPageError(e));
	return { slip };
};
