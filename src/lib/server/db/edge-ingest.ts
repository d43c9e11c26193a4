// The centre takes in what an edge sent (issue 13): tickets, their events and surveys, by id, so a
// batch delivered twice changes nothing. Rows arrive as PostgreSQL JSON of the edge's rows and are
// read with jsonb_populate_recordset into the tables' own types.
import type { Tx } from './client';

type Rows = Record<string, unknown>[];

// A ticket's state moves at the edge; these follow it. Its identity (MPP, day, number) never changes.
const TICKET_STATE = [
	'service_id',
	'status',
	'priority_group',
	'queued_at',
	'first_called_at',
	'called_at',
	'call_count',
	'started_at',
	'finished_at',
	'counter_id',
	'source',
	'booked_slot_start',
	'edge_rev'
];

/** The first row that is not the edge's own MPP's, in words, or undefined when all are. */
export async function foreignRow(
	tx: Tx,
	mppId: string,
	batch: { tickets: Rows; events: Rows; surveys: Rows }
): Promise<string | undefined> {
	const [row] = await tx<{ what: string }[]>`
		WITH t AS (SELECT * FROM jsonb_populate_recordset(NULL::tickets, ${tx.json(batch.tickets as never)}::jsonb)),
			e AS (SELECT * FROM jsonb_populate_recordset(NULL::ticket_events, ${tx.json(batch.events as never)}::jsonb)),
			s AS (SELECT * FROM jsonb_populate_recordset(NULL::surveys, ${tx.json(batch.surveys as never)}::jsonb)),
			mine_services AS (SELECT id FROM services WHERE mpp_id = ${mppId}),
			mine_counters AS (SELECT id FROM counters WHERE mpp_id = ${mppId}),
			mine_tickets AS (
				SELECT id FROM tickets WHERE mpp_id = ${mppId} AND id IN (SELECT ticket_id FROM e UNION SELECT ticket_id FROM s)
				UNION SELECT id FROM t WHERE mpp_id = ${mppId})
		SELECT 'ticket ' || t.id AS what FROM t
		WHERE t.mpp_id IS DISTINCT FROM ${mppId}
			OR t.service_id NOT IN (SELECT id FROM mine_services)
			OR t.issued_service_id NOT IN (SELECT id FROM mine_services)
			OR (t.counter_id IS NOT NULL AND t.counter_id NOT IN (SELECT id FROM mine_counters))
			OR EXISTS (SELECT 1 FROM tickets x WHERE x.id = t.id AND x.mpp_id <> ${mppId})
		UNION ALL
		SELECT 'event ' || e.id FROM e
		WHERE e.mpp_id IS DISTINCT FROM ${mppId}
			OR e.ticket_id NOT IN (SELECT id FROM mine_tickets)
			OR (e.service_id IS NOT NULL AND e.service_id NOT IN (SELECT id FROM mine_services))
			OR (e.counter_id IS NOT NULL AND e.counter_id NOT IN (SELECT id FROM mine_counters))
		UNION ALL
		SELECT 'survey ' || s.id FROM s
		WHERE s.mpp_id IS DISTINCT FROM ${mppId}
			OR s.ticket_id NOT IN (SELECT id FROM mine_tickets)
			OR s.service_id NOT IN (SELECT id FROM mine_services)
			OR (s.counter_id IS NOT NULL AND s.counter_id NOT IN (SELECT id FROM mine_counters))
		LIMIT 1`;
	return row?.what;
}

/** New tickets inserted; known ones moved forward only (a newer edge_rev), never back. */
export async function upsertEdgeTickets(tx: Tx, rows: Rows): Promise<number> {
	if (!rows.length) return 0;
	const set = TICKET_STATE.map((c) => `${c} = EXCLUDED.${c}`).join(', ');
	const result = await tx`
		INSERT INTO tickets SELECT * FROM jsonb_populate_recordset(NULL::tickets, ${tx.json(rows as never)}::jsonb)
		ON CONFLICT (id) DO UPDATE SET ${tx.unsafe(set)}
		WHERE tickets.edge_rev IS NULL OR tickets.edge_rev < EXCLUDED.edge_rev`;
	return result.count;
}

/**
 * Events by id, once. A person or device the centre does not know (paired at the edge while the link
 * was down) is kept as "unknown" rather than refusing the batch the hall's history depends on.
 */
export async function insertEdgeEvents(tx: Tx, rows: Rows): Promise<number> {
	if (!rows.length) return 0;
	const result = await tx`
		INSERT INTO ticket_events (id, ticket_id, mpp_id, type, at, counter_id, service_id, user_id, device_id, data)
		SELECT r.id, r.ticket_id, r.mpp_id, r.type, r.at, r.counter_id, r.service_id,
			(SELECT u.id FROM users u WHERE u.id = r.user_id),
			(SELECT d.id FROM devices d WHERE d.id = r.device_id AND d.mpp_id = r.mpp_id),
			r.data
		FROM jsonb_populate_recordset(NULL::ticket_events, ${tx.json(rows as never)}::jsonb) r
		ON CONFLICT (id) DO NOTHING`;
	return result.count;
}

export async function insertEdgeSurveys(tx: Tx, rows: Rows): Promise<number> {
	if (!rows.length) return 0;
	const result = await tx`
		INSERT INTO surveys
		SELECT r.id, r.ticket_id, r.mpp_id, r.service_id, r.counter_id, r.answered_at, r.local_date, r.persyaratan,
			r.prosedur, r.waktu, r.biaya, r.produk, r.kompetensi, r.perilaku, r.pengaduan, r.sarana, r.age_group,
			r.sex, r.education, r.occupation, r.comment, r.channel,
			(SELECT d.id FROM devices d WHERE d.id = r.device_id AND d.mpp_id = r.mpp_id)
		FROM jsonb_populate_recordset(NULL::surveys, ${tx.json(rows as never)}::jsonb) r
		ON CONFLICT DO NOTHING`;
	return result.count;
}

/**
 * Late data: closed local days of the MPP that this batch touched lose their rollup mark, and the
 * catch-up mark moves back before the first of them, so the next statistics read rebuilds exactly
 * those days (stats/rollup.ts). Today is rolled live and needs nothing.
 */
export async function reopenRolledDays(tx: Tx, mppId: string, ticketIds: string[]): Promise<string[]> {
	if (!ticketIds.length) return [];
	const days = await tx<{ day: string }[]>`
		SELECT DISTINCT t.local_date::text AS day FROM tickets t JOIN mpps m ON m.id = t.mpp_id
		WHERE t.id = ANY(${ticketIds}::uuid[]) AND t.local_date < (now() AT TIME ZONE m.timezone)::date
		ORDER BY 1`;
	if (!days.length) return [];
	const list = days.map((d) => d.day);
	await tx`DELETE FROM stats_days WHERE mpp_id = ${mppId} AND local_date = ANY(${list}::date[])`;
	await tx`
		UPDATE stats_rollup_state SET rolled_through = least(rolled_through, ${list[0]}::date - 1)
		WHERE mpp_id = ${mppId}`;
	return list;
}

/** What the centre now holds from this edge: when it last delivered and the newest moment in it. */
export async function recordEdgeBatch(
	tx: Tx,
	edgeId: string,
	rows: number,
	newest: string | null
): Promise<void> {
	await tx`
		UPDATE edge_nodes SET last_batch_at = now(), rows_received = rows_received + ${rows},
			data_through = greatest(data_through, ${newest}::timestamptz)
		WHERE id = ${edgeId}`;
}
