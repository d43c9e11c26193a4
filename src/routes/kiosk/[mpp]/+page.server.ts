import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { getSql } from '$lib/server/db/client';
import { isAppError } from '$lib/server/errors';
import { discardBody } from '$lib/server/http';
import { checkInAtKiosk } from '$lib/server/kiosk/check-in';
import { issueAtKiosk } from '$lib/server/kiosk/issue';
import { kioskMenu, kioskSchedule } from '$lib/server/kiosk/menu';
import { kioskOptions, kioskOptionsQuery } from '$lib/server/kiosk/screen';
import { requireMppBySlug } from '$lib/server/mpps';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params }) => {
	await parent(); // pairing and access first
	const sql = getSql();
	const mpp = await requireMppBySlug(sql, params.mpp);
	const now = new Date();
	const [tenants, schedule] = await Promise.all([kioskMenu(sql, mpp, now), kioskSchedule(sql, mpp, now)]);
	// a double press before JavaScript has loaded posts this twice: one ticket (issue 10 item 6)
	return { tenants, schedule, pressKey: randomUUID() };
};

export const actions: Actions = {
	/** A booking code typed or scanned: the booking becomes a ticket, printed like any other. */
	checkIn: async ({ request, locals, params }) => {
		let trackCode: string;
		let late: boolean;
		try {
			const checked = await checkInAtKiosk(getSql(), {
				slug: params.mpp,
				actor: locals.actor,
				readForm: () => request.formData()
			});
			({ trackCode, late } = checked);
		} catch (error) {
			if (!isAppError(error)) throw error;
			await discardBody(request).catch(() => undefined);
			return fail(error.status, { bookingRefusal: error.code });
		}
		redirect(303, `/kiosk/${params.mpp}/ticket/${trackCode}${late ? '?late=1' : ''}`);
	},
	issue: async ({ request, url, locals, params, setHeaders }) => {
		let form: FormData | undefined;
		let trackCode: string;
		try {
			const issued = await issueAtKiosk(getSql(), {
				slug: params.mpp,
				actor: locals.actor,
				readForm: async () => (form = await request.formData()),
				request: { request, url }
			});
			setHeaders(issued.headers);
			trackCode = issued.trackCode;
		} catch (error) {
			if (!isAppError(error)) throw error;
			// refused before the body was read (not this MPP's kiosk): it is thrown away unparsed
			if (!form) await discardBody(request).catch(() => undefined);
			return fail(error.status, { refusal: error.code, serviceId: String(form?.get('serviceId') ?? '') });
		}
		redirect(303, `/kiosk/${params.mpp}/ticket/${trackCode}${kioskOptionsQuery(kioskOptions(form!))}`);
	}
};
