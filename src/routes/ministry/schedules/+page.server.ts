import { getStatsSql } from '$lib/server/db/client';
import { scheduleUniformity } from '$lib/server/national/schedules';
import { badQuery, requireMinistry } from '../access.server';
import type { PageServerLoad } from './$types';
import { parseSchedulesQuery } from './query.server';

/** /ministry/schedules: the national opening-hours norm and the MPPs that differ from it (issue 14). */
export const load: PageServerLoad = async (event) => {
	const { locale } = requireMinistry(event);
	const query = parseSchedulesQuery(event.url.searchParams);
	if (!query.ok) badQuery(locale, query.reason);
	const result = await scheduleUniformity(getStatsSql(), { province: query.province });
	return {
		locale,
		query: { province: query.province ?? '', all: query.all },
		...result,
		rows: query.all ? result.rows : result.rows.filter((r) => r.differs.length > 0)
	};
};
