// Edge → centre (issue 13): sends the outbox oldest first, one batch at a time, and deletes a batch's
// outbox rows only after the centre acknowledged it. Killed at any point, the edge sends the
// unacknowledged batch again on its next start, and the centre takes it in once.
import type { Sql } from '../db/client';
import { deleteOutboxRows, readOutboxBatch } from '../db/edge-outbox';
import { callCentre, type EdgeMode } from './centre-client';

/** Outbox rows per batch: a day of a large MPP (~10,000 rows) in about ten round trips. */
export const EDGE_BATCH_ROWS = 1_000;

export interface SendResult {
	batches: number;
	rows: number;
}

/** Sends until the outbox is empty (or `maxBatches`, so one beat never runs for ever). Throws on failure. */
export async function sendOutbox(sql: Sql, mode: EdgeMode, maxBatches = 50): Promise<SendResult> {
	const sent: SendResult = { batches: 0, rows: 0 };
	while (sent.batches < maxBatches) {
		const batch = await readOutboxBatch(sql, EDGE_BATCH_ROWS);
		if (!batch.seqs.length) break;
		await callCentre(mode, '/api/v1/edge/batches', {
			method: 'POST',
			body: {
				tickets: batch.tickets,
				events: batch.events,
				surveys: batch.surveys,
				bookings: batch.bookings
			},
			timeoutMs: 30_000
		});
		await deleteOutboxRows(sql, batch.seqs);
		sent.batches++;
		sent.rows += batch.seqs.length;
	}
	return sent;
}
