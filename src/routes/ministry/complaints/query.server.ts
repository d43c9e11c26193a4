// The complaints page's address: the ministry's usual period (?from, ?to; default the last 30 closed
// days in WIB) and ?province.
import { localDate } from '$lib/domain/local-day';
import { badQuery } from '../access.server';
import { parseMinistryQuery } from '../query.server';
import type { Locale } from '$lib/i18n';

export function complaintsQuery(params: URLSearchParams, locale: Locale, now: Date) {
	const parsed = parseMinistryQuery(params, localDate(now, 'Asia/Jakarta'));
	if (!parsed.ok) badQuery(locale, parsed.reason);
	const { from, to, province } = parsed.query;
	return { from, to, province: province ?? '' };
}
