// The national complaint channel, SP4N-LAPOR! (issue 14): the tracking page and the survey link to it
// with the MPP named, through Antrean so each MPP's link use is counted. The visitor is counted once a
// day: by the ticket when the page has one, else by a hash of the client's address (never stored).
import type { Sql } from '../db/client';
import { findComplaintPlace, insertComplaintClick } from '../db/complaints';
import { findComplaintChannel } from '../db/readiness';
import { badRequest, notFound } from '../errors';
import { clientKey } from '../throttle/client-key';

/** Where a citizen files a complaint when the ministry recorded no address of the MPP's own. */
export const LAPOR_HOME = 'https://www.lapor.go.id/';

export const complaintSources = ['tracking', 'survey'] as const;
export type ComplaintSource = (typeof complaintSources)[number];

/** The address on Antrean that counts and forwards: /lapor/<mpp>?from=…[&t=<track code>]. */
export function complaintHref(mppSlug: string, source: ComplaintSource, trackCode?: string): string {
	const query = new URLSearchParams({ from: source });
	if (trackCode) query.set('t', trackCode);
	return `/lapor/${encodeURIComponent(mppSlug)}?${query}`;
}

export async function followComplaintLink(
	sql: Sql,
	request: { slug: string; from: string | null; trackCode: string | null; clientAddress: string }
): Promise<string> {
	const source = request.from ?? 'tracking';
	if (!(complaintSources as readonly string[]).includes(source))
		throw badRequest('from harus tracking atau survey (from must be tracking or survey).', 'bad_query');
	const trackCode = request.trackCode && request.trackCode.length <= 64 ? request.trackCode : null;
	const place = await findComplaintPlace(sql, request.slug, trackCode);
	if (!place) throw notFound('MPP tidak ditemukan.', 'mpp_not_found');
	const visitor = place.ticketId ? `t:${place.ticketId}` : `c:${clientKey(request.clientAddress)}`;
	await insertComplaintClick(sql, { mppId: place.mppId, source: source as ComplaintSource, visitor });
	return (await findComplaintChannel(sql, place.mppId)) ?? LAPOR_HOME;
}
