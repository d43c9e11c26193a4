// The complaints page's address and answer: the ministry's usual period (?from, ?to; default the last
// 30 closed days in WIB) and ?province; the page and its CSV read the same figures.
import type { RequestEvent } from '@sveltejs/kit';
import { localDate } from '$lib/domain/local-day';
import { complaintFigures, type ComplaintFigures } from '$lib/server/complaints/complaint-figures';
import { getStatsSql } from '$lib/server/db/client';
import { orPageError } from '../../admin/page-error.server';
import type { Locale } from '$lib/i18n';
import { badQuery, requireMinistry } from '../access.server';
import { parseMinistryQuery } from '../query.server';

export async function loadComplaints(event: RequestEvent) {
	const { locale } = requireMinistry(event);
	const now = new Date();
	const parsed = parseMinistryQueryOrFail(event.url.searchParams, locale, now);
	const figures: ComplaintFigures = await orPageError(locale, () =>
		complaintFigures(getStatsSql(), event.locals.actor, {
			from: parsed.from,
			to: parsed.to,
			now,
			filter: parsed.province ? { province: parsed.province } : {}
		})
	);
	return { locale, query: parsed, figures };
}

function parseMinistryQueryOrFail(params: URLSearchParams, locale: Locale, now: Date) {
	const parsed = parseMinistryQuery(params, localDate(now, 'Asia/Jakarta'));
	if (!parsed.ok) badQuery(locale, parsed.reason);
	const { from, to, province } = parsed.query;
	return { from, to, province: province ?? '' };
}
