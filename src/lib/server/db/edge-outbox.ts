// The edge's outbox (issue 13, migration 0024): what the hall wrote and the centre has not yet
// acknowledged. Rows travel as PostgreSQL's own JSON of the rows, so nothing is rounded on the way.
import type { Db } from './client';

export interface OutboxBatch {
	/** the outbox rows this batch answers for, deleted once the centre acknowledged it */
	seqs: string[];
	tickets: Record<string, unknown>[];
	events: Record<string, unknown>[];
	surveys: Record<string, unknown>[];
	bookings: Record<string, unknown>[];
}

/** Arms the capture triggers (an edge does this at every start; the centre never does). */
export async function armOutbox(db: Db): Promise<void> {
	await db`SELECT edge_arm_outbox()`;
}

/**
 * The oldest `limit` outbox rows and the current state of what they name. A ticket carries `edge_rev`,
 * the newest outbox seq of it in this batch: its state now is at least that new, so the centre can
 * refuse to move it back when an older batch arrives after a newer one.
 */
export async function readOutboxBatch(db: Db, limit: number): Promise<OutboxBatch> {
	const [batch] = await db<OutboxBatch[]>`
		WITH o AS (SELECT seq, kind, row_id FROM edge_outbox ORDER BY seq LIMIT ${limit})
		SELECT
			(SELECT coalesce(array_agg(seq::text ORDER BY seq), '{}') FROM o) AS seqs,
			(SELECT coalesce(jsonb_agg(to_jsonb(t) || jsonb_build_object('edge_rev', r.rev) ORDER BY r.rev), '[]')
				FROM (SELECT row_id, max(seq) AS rev FROM o WHERE kind = 'ticket' GROUP BY row_id) r
				JOIN tickets t ON t.id = r.row_id) AS tickets,
			(SELECT coalesce(jsonb_agg(to_jsonb(e) ORDER BY e.at, e.id), '[]')
				FROM ticket_events e WHERE e.id IN (SELECT row_id FROM o WHERE kind = 'event')) AS events,
			(SELECT coalesce(jsonb_agg(to_jsonb(s) ORDER BY s.answered_at, s.id), '[]')
				FROM surveys s WHERE s.id IN (SELECT row_id FROM o WHERE kind = 'survey')) AS surveys,
			(SELECT coalesce(jsonb_agg(jsonb_build_object('id', b.id, 'mpp_id', b.mpp_id, 'status', b.status,
					'ticket_id', b.ticket_id, 'checked_in_at', b.checked_in_at) ORDER BY b.id), '[]')
				FROM bookings b WHERE b.id IN (SELECT row_id FROM o WHERE kind = 'booking')) AS bookings`;
	return batch;
}

export async function deleteOutboxRows(db: Db, seqs: string[]): Promise<void> {
	await db`DELETE FROM edge_outbox WHERE seq = ANY(${seqs}::bigint[])`;
}

/** How much is still to send, and since when (for the edge's own status line). */
export async function outboxBacklog(db: Db): Promise<{ rows: number }> {
	const [row] = await db<{ rows: number }[]>`SELECT count(*)::int AS rows FROM edge_outbox`;
	return row;
}
