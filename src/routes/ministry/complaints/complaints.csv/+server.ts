import { complaintFigures, complaintsCsv } from '$lib/server/complaints/complaint-figures';
import { csvDownload } from '$lib/server/csv-download';
import { getStatsSql } from '$lib/server/db/client';
import { orPageError } from '../../../admin/page-error.server';
import { requireMinistry } from '../../access.server';
import { complaintsQuery } from '../query.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { locale } = requireMinistry(event);
	const now = new Date();
	const query = complaintsQuery(event.url.searchParams, locale, now);
	const figures = await orPageError(locale, () =>
		complaintFigures(getStatsSql(), event.locals.actor, {
			from: query.from,
			to: query.to,
			now,
			filter: query.province ? { province: query.province } : {}
		})
	);
	return csvDownload(complaintsCsv(figures), `antrean-pengaduan-${query.from}_${query.to}.csv`);
};
