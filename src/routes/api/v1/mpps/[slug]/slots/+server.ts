import { listSlots } from '$lib/server/booking/slots';
import { slotsQuery } from '$lib/server/booking/schemas';
import { getSql } from '$lib/server/db/client';
import { apiHandler, json, readQuery } from '$lib/server/http';
import { requireMppBySlug } from '$lib/server/mpps';
import type { RequestHandler } from './$types';

/** The bookable windows of a service-day, with places left from the one quota ledger. Public. */
export const GET: RequestHandler = apiHandler(async ({ params, url }) => {
	const sql = getSql();
	const mpp = await requireMppBySlug(sql, params.slug);
	const query = readQuery(url, slotsQuery);
	return json(await listSlots(sql, mpp, query.serviceId, query.date));
});
