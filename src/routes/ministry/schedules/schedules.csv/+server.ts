import { getStatsSql } from '$lib/server/db/client';
import { scheduleUniformity, schedulesCsv } from '$lib/server/national/schedules';
import { badQuery, requireMinistry } from '../../access.server';
import { parseSchedulesQuery } from '../query.server';
import type { RequestHandler } from './$types';

/** Every MPP's week against the national norm (the norm as the first line), as a spreadsheet file. */
export const GET: RequestHandler = async (event) => {
	const { locale } = requireMinistry(event);
	const query = parseSchedulesQuery(event.url.searchParams);
	if (!query.ok) badQuery(locale, query.reason);
	const result = await scheduleUniformity(getStatsSql(), { province: query.province });
	return new Response(schedulesCsv(result), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="antrean-jam-layanan.csv"',
			'cache-control': 'no-store'
		}
	});
};
