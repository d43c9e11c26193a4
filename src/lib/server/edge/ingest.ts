// The centre's side of edge → centre (issue 13): one batch from an edge's outbox, taken in whole or
// not at all. Idempotent by id (events and surveys once, tickets only forward), limited to the edge's
// own MPP, and the closed days it touches are rolled up again.
import { z } from 'zod';
import type { Sql, Tx } from '../db/client';
import {
	foreignRow,
	insertEdgeEvents,
	insertEdgeSurveys,
	recordEdgeBatch,
	reopenRolledDays,
	upsertEdgeTickets
} from '../db/edge-ingest';
import { applyHallBookings } from '../db/edge-bookings';
import type { EdgeNodeRow } from '../db/edge-nodes';
import { send } from '../bus/send';
import { badRequest, forbidden } from '../errors';

/** Rows per kind in one batch: the edge sends at most EDGE_BATCH_ROWS outbox rows at a time. */
export const MAX_BATCH_ROWS = 2_000;
/** The body limit of a batch (below BODY_SIZE_LIMIT's default 2M). */
export const MAX_BATCH_BYTES = 1_800_000;

const row = z.looseObject({ id: z.uuid(), mpp_id: z.uuid() });
const rows = z.array(row).max(MAX_BATCH_ROWS);

export const batchSchema = z.strictObject({
	tickets: rows.default([]),
	events: rows.default([]),
	surveys: rows.default([]),
	bookings: rows.default([])
});

export type EdgeBatch = z.infer<typeof batchSchema>;

export interface IngestResult {
	tickets: number;
	events: number;
	surveys: number;
	bookings: number;
	reopenedDays: string[];
}

export async function ingestEdgeBatch(sql: Sql, edge: EdgeNodeRow, batch: EdgeBatch): Promise<IngestResult> {
	try {
		return await sql.begin(async (tx) => {
			// tickets first: events and surveys point at them, and may arrive in the same batch
			const tickets = await upsertEdgeTicketsOfMpp(tx, edge.mppId, batch);
			const events = await insertEdgeEvents(tx, batch.events);
			const surveys = await insertEdgeSurveys(tx, batch.surveys);
			// after the tickets: a check-in points at the ticket it became
			const bookings = await applyHallBookings(tx, edge.mppId, batch.bookings);
			const ticketIds = [
				...new Set([
					...batch.tickets.map((t) => t.id),
					...batch.events.map((e) => String(e.ticket_id)),
					...batch.surveys.map((s) => String(s.ticket_id))
				])
			];
			const reopenedDays = await reopenRolledDays(tx, edge.mppId, ticketIds);
			await recordEdgeBatch(tx, edge.id, tickets + events + surveys + bookings, newestMoment(batch));
			// the MPP's screens at the centre (manager, ministry figures) fetch what arrived, with the commit
			if (tickets + events + surveys + bookings) await send(tx, { kind: 'resync', mppId: edge.mppId });
			return { tickets, events, surveys, bookings, reopenedDays };
		});
	} catch (error) {
		throw refusedRow(error) ?? error;
	}
}

async function upsertEdgeTicketsOfMpp(tx: Tx, mppId: string, batch: EdgeBatch): Promise<number> {
	const foreign = await foreignRow(tx, mppId, batch);
	if (foreign) throw forbidden(`Baris ${foreign} bukan milik MPP edge ini (row not of this edge's MPP).`);
	return upsertEdgeTickets(tx, batch.tickets);
}

function newestMoment(batch: EdgeBatch): string | null {
	const moments = [
		...batch.events.map((e) => e.at),
		...batch.tickets.map((t) => t.issued_at),
		...batch.surveys.map((s) => s.answered_at)
	].filter((m): m is string => typeof m === 'string' && !Number.isNaN(Date.parse(m)));
	return moments.length ? moments.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)) : null;
}

/** A value PostgreSQL refuses (a bad type, a check, a missing key) is the sender's mistake: 400. */
function refusedRow(error: unknown) {
	const code = (error as { code?: unknown }).code;
	if (typeof code !== 'string' || !/^(22|23)/.test(code)) return undefined;
	const detail = (error as { message?: string }).message ?? code;
	return badRequest(`Batch ditolak: ${detail} (batch refused).`, 'batch_refused');
}
