// The Bookings tab: one day's windows per bookable service (issue 12). Live data from the primary:
// a booking made a second ago must count here, as it counts on the citizen's slot list.
import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { t } from '$lib/i18n';
import { bookingOverview } from '$lib/server/booking/overview';
import { getSql } from '$lib/server/db/client';
import { findMppById } from '$lib/server/db/mpps';
import { queryRecord } from '$lib/server/safe-keys';
import { openDashboard } from '../dashboard.server';
import type { PageServerLoad } from './$types';

const blankAsAbsent = (value: unknown) => (value === '' ? undefined : value);
const querySchema = z.object({
	date: z.preprocess(blankAsAbsent, z.iso.date().optional()),
	service: z.preprocess(blankAsAbsent, z.uuid().optional())
});

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { actor, locale } = locals;
	if (actor.kind === 'anonymous')
		redirect(303, `/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
	const sql = getSql();
	// the layout checks too, but a page load runs beside it, not after it: check here as well
	const dashboard = await openDashboard(sql, actor, params.mpp, locale);
	const query = querySchema.safeParse(queryRecord(url.searchParams));
	if (!query.success) {
		const field = query.error.issues.some((i) => i.path[0] === 'service') ? 'service' : 'date';
		error(400, { code: 'bad_query', message: t(locale, `manage.bookings.error.${field}`) });
	}
	const mpp = (await findMppById(sql, dashboard.id))!;
	const overview = await bookingOverview(sql, mpp, query.data.date ?? null);
	if (!overview.days.includes(overview.date))
		error(400, { code: 'bad_query', message: t(locale, 'manage.bookings.error.date') });
	const serviceId = query.data.service ?? null;
	if (serviceId && !overview.services.some((s) => s.id === serviceId))
		error(400, { code: 'bad_query', message: t(locale, 'manage.bookings.error.service') });
	return {
		locale,
		mpp: dashboard,
		overview: {
			...overview,
			services: overview.services.filter((s) => !serviceId || s.id === serviceId)
		},
		serviceChoices: overview.services.map((s) => ({ id: s.id, name: s.name, tenantName: s.tenantName })),
		serviceId
	};
};
