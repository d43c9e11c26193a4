import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { book } from '$lib/server/booking/book';
import { bookingDays, bookingMenu } from '$lib/server/booking/menu';
import { bookingFields } from '$lib/server/booking/schemas';
import { bookingClient } from '$lib/server/booking/staff';
import { listSlots } from '$lib/server/booking/slots';
import { zoneLabel } from '$lib/domain/local-day';
import { getSql } from '$lib/server/db/client';
import { isAppError } from '$lib/server/errors';
import { parseWith } from '$lib/server/http';
import { IdempotentReplay, readIdempotencyKey } from '$lib/server/idempotency';
import { rethrowAsPageError } from '$lib/server/kiosk/page-error';
import { requireMppBySlug } from '$lib/server/mpps';
import { queryRecord, safeRecord } from '$lib/server/safe-keys';
import type { Actions, PageServerLoad } from './$types';

/** One page, one step at a time: ?tenant → ?service → ?date → a window and the details, posted. */
export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const sql = getSql();
	const mpp = await requireMppBySlug(sql, params.mpp).catch(rethrowAsPageError);
	const tenants = await bookingMenu(sql, mpp);
	const q = queryRecord(url.searchParams);
	const service = tenants.flatMap((t) => t.services).find((s) => s.id === q.service) ?? null;
	const tenant =
		tenants.find((t) => (service ? t.services.includes(service) : t.id === q.tenant)) ??
		(tenants.length === 1 ? tenants[0] : null);
	const days = service ? bookingDays(mpp, { bookingHorizonDays: service.horizonDays }) : [];
	const date = days.includes(q.date) ? q.date : null;
	const day = service && date ? await listSlots(sql, mpp, service.id, date).catch(rethrowAsPageError) : null;
	return {
		locale: locals.locale,
		mpp: { slug: mpp.slug, name: mpp.name, timezone: mpp.timezone, zone: zoneLabel(mpp.timezone) },
		tenants,
		tenant,
		service,
		days,
		date,
		day,
		// a double press posts twice before JavaScript has loaded: one booking
		pressKey: randomUUID()
	};
};

export const actions: Actions = {
	book: async (event) => {
		const { request, params, getClientAddress } = event;
		const sql = getSql();
		const mpp = await requireMppBySlug(sql, params.mpp).catch(rethrowAsPageError);
		let code: string;
		try {
			const form = await request.formData();
			const fields = safeRecord(
				[...form].filter(([k, v]) => k !== 'pressKey' && typeof v === 'string') as [string, string][]
			);
			const input = parseWith(bookingFields, fields);
			const pressKey = form.get('pressKey');
			const idempotency = readIdempotencyKey(
				event,
				event.locals.actor,
				input,
				typeof pressKey === 'string' ? pressKey : null
			);
			const made = await book(sql, {
				mpp,
				serviceId: input.serviceId,
				date: input.date,
				time: input.time,
				name: input.name,
				phone: input.phone ?? null,
				...bookingClient(event.locals.actor, mpp.id, getClientAddress()),
				idempotency
			}).catch((error: unknown) => {
				// a replayed double press answers with the first booking
				if (error instanceof IdempotentReplay && error.claim === idempotency)
					return error.response as { booking: { code: string } };
				throw error;
			});
			code = made.booking.code;
		} catch (error) {
			if (!isAppError(error)) throw error;
			const refusal = ['validation_failed', 'unsafe_key'].includes(error.code) ? 'invalid' : error.code;
			return fail(error.status, { refusal });
		}
		redirect(303, `/book/${params.mpp}/${code}`);
	}
};
