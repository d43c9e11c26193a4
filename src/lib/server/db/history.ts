// SQL for generated history: what the generator needs to know of an MPP, and bulk COPY of tickets.
import type { OpeningHours } from '../../domain/types';
import type { Db, Sql } from './client';
import { copyRows } from './copy-rows';

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

/**
 * Streams generated tickets of one MPP's local days [from, to] (COPY text format, one line each) into
 * tickets, in one transaction.
 *
 * Checking four foreign keys row by row was half of PostgreSQL's cost of a generated ticket. Where the
 * role may set session_replication_role (a superuser: the embedded server, CI, an operator's seed
 * run), those per-row checks are replaced by what they guarantee, done once per set: the MPP, its
 * services and counters are locked against deletion first (FOR KEY SHARE, as each row check would),
 * and afterwards every new row must point at them, or the whole batch rolls back. Other roles keep
 * the per-row checks. Replica mode also skips the trigger that keeps waiting counts (migration 0031),
 * so those are recounted for the copied days afterwards.
 */
export async function copyTickets(
	sql: Sql,
	mppId: string,
	from: string,
	to: string,
	lines: Iterable<string> | AsyncIterable<string>
): Promise<void> {
	await sql.begin(async (tx) => {
		const [{ setCheck }] = await tx<{ setCheck: boolean }[]>`
			SELECT has_parameter_privilege('session_replication_role', 'SET') AS "setCheck"`;
		if (!setCheck) {
			await copyRows(tx, 'tickets', historyTicketColumns, lines);
			return;
		}
		await tx`SELECT 1 FROM mpps WHERE id = ${mppId} FOR KEY SHARE`;
		await tx`SELECT 1 FROM services WHERE mpp_id = ${mppId} FOR KEY SHARE`;
		await tx`SELECT 1 FROM counters WHERE mpp_id = ${mppId} FOR KEY SHARE`;
		const before = await countTickets(tx, mppId, from, to);
		await tx`SET LOCAL session_replication_role = replica`;
		const written = await copyRows(tx, 'tickets', historyTicketColumns, lines);
		await tx`SET LOCAL session_replication_role = origin`;
		const after = await countTickets(tx, mppId, from, to);
		if (after - before !== written) {
			throw new Error(`generated tickets: ${written} written but ${after - before} belong to the MPP's days`);
		}
		const [{ orphans }] = await tx<{ orphans: number }[]>`
			SELECT count(*)::int AS orphans FROM tickets t
			WHERE t.mpp_id = ${mppId} AND t.local_date BETWEEN ${from} AND ${to}
				AND (NOT EXISTS (SELECT 1 FROM services s WHERE s.id = t.service_id AND s.mpp_id = t.mpp_id)
					OR NOT EXISTS (SELECT 1 FROM services s WHERE s.id = t.issued_service_id AND s.mpp_id = t.mpp_id)
					OR (t.counter_id IS NOT NULL
						AND NOT EXISTS (SELECT 1 FROM counters c WHERE c.id = t.counter_id AND c.mpp_id = t.mpp_id)))`;
		if (orphans)
			throw new Error(`generated tickets: ${orphans} point at a service or counter not of the MPP`);
		await tx`
			INSERT INTO queue_waiting (service_id, local_date, waiting)
			SELECT service_id, local_date, count(*) FROM tickets
			WHERE mpp_id = ${mppId} AND local_date BETWEEN ${from} AND ${to} AND status = 'waiting'
			GROUP BY 1, 2
			ON CONFLICT (service_id, local_date) DO UPDATE SET waiting = EXCLUDED.waiting`;
	});
}

async function countTickets(db: Db, mppId: string, from: string, to: string): Promise<number> {
	const [{ n }] = await db<{ n: number }[]>`
		SELECT count(*)::int AS n FROM tickets WHERE mpp_id = ${mppId} AND local_date BETWEEN ${from} AND ${to}`;
	return n;
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
