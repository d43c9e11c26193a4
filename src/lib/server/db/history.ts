// SQL for generated history: what the generator needs to know of an MPP, and bulk COPY of tickets.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { OpeningHours } from '../../domain/types';
import type { Db, Sql } from './client';

export interface HistoryMpp {
	id: string;
	timezone: string;
	openingHours: OpeningHours;
	services: { id: string; prefix: string; tenantCode: string; dailyQuota: number | null }[];
	counters: { id: string; serviceIds: string[] }[];
}

export async function loadHistoryMpp(db: Db, mppId: string): Promise<HistoryMpp | undefined> {
	const [mpp] = await db<{ id: string; timezone: string; openingHours: OpeningHours }[]>`
		SELECT id, timezone, opening_hours AS "openingHours" FROM mpps WHERE id = ${mppId}`;
	if (!mpp) return undefined;
	const services = await db<HistoryMpp['services']>`
		SELECT s.id, s.prefix, t.code AS "tenantCode", s.daily_quota AS "dailyQuota"
		FROM services s JOIN tenants t ON t.id = s.tenant_id
		WHERE s.mpp_id = ${mppId} AND s.active ORDER BY s.prefix`;
	const counters = await db<HistoryMpp['counters']>`
		SELECT c.id, array_agg(cs.service_id) AS "serviceIds"
		FROM counters c JOIN counter_services cs ON cs.counter_id = c.id
		WHERE c.mpp_id = ${mppId} AND c.active GROUP BY c.id ORDER BY c.id`;
	return { ...mpp, services, counters };
}

/** Local dates of this MPP that already have tickets, so a second run does not duplicate a day. */
export async function datesWithTickets(
	db: Db,
	mppId: string,
	from: string,
	to: string
): Promise<Set<string>> {
	const rows = await db<{ day: string }[]>`
		SELECT DISTINCT local_date::text AS day FROM tickets
		WHERE mpp_id = ${mppId} AND local_date BETWEEN ${from} AND ${to}`;
	return new Set(rows.map((r) => r.day));
}

export const historyTicketColumns = [
	'id',
	'mpp_id',
	'service_id',
	'issued_service_id',
	'local_date',
	'seq',
	'number',
	'status',
	'priority_group',
	'track_code',
	'issued_at',
	'queued_at',
	'first_called_at',
	'called_at',
	'call_count',
	'started_at',
	'finished_at',
	'counter_id',
	'source'
] as const;

/** Streams rows (already in COPY text format, one line each) into tickets. */
export async function copyTickets(sql: Sql, lines: Iterable<string> | AsyncIterable<string>): Promise<void> {
	const writable =
		await sql`COPY tickets (${sql(historyTicketColumns as unknown as string[])}) FROM STDIN`.writable();
	await pipeline(Readable.from(lines), writable);
}

/** Keeps numbering state consistent with generated days (their last number per service). */
export async function recordDailyCounters(db: Db, mppId: string, from: string, to: string): Promise<void> {
	await db`
		INSERT INTO ticket_daily_counters (service_id, local_date, last_seq)
		SELECT issued_service_id, local_date, max(seq) FROM tickets
		WHERE mpp_id = ${mppId} AND local_date BETWEEN ${from} AND ${to}
		GROUP BY issued_service_id, local_date
		ON CONFLICT (service_id, local_date) DO UPDATE SET last_seq = GREATEST(ticket_daily_counters.last_seq, EXCLUDED.last_seq)`;
}
