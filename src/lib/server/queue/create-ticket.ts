// The part of issuing every ticket shares, whether a walk-in at the kiosk or a booking checked in:
// insert the numbered ticket, record it, estimate the wait and describe the change. Runs inside the
// caller's queueTransaction, after the caller took the number from the day's ledger row.
import type { PriorityGroup } from '../../domain/types';
import type { Tx } from '../db/client';
import { mppHasActiveEdge } from '../db/edge-nodes';
import { conflict } from '../errors';
import type { Mpp } from '../db/mpps';
import type { Service } from '../db/services';
import { insertTicket, type TicketSource } from '../db/tickets';
import { uuidv7 } from '../ids';
import { ticketNumber } from '../../domain/numbering';
import { estimateFor } from './estimate';
import { appendEvent, draftOutcome, type OutcomeDraft } from './record';
import { generateTrackCode } from './track-code';
import type { IssuedTicket, QueueActor } from './types';
import { toOutcomeTicket } from './views';

export interface NumberedTicket {
	mpp: Mpp;
	service: Service;
	localDate: string;
	seq: number;
	priorityGroup: PriorityGroup | null;
	source: TicketSource;
	actor: QueueActor;
	now: Date;
	/** a checked-in booking queues from its slot start, so later walk-ins come after it */
	queuedAt?: Date;
	bookedSlotStart?: Date | null;
	data?: Record<string, unknown>;
}

export async function createTicket(
	tx: Tx,
	t: NumberedTicket
): Promise<{ value: Omit<IssuedTicket, 'outcome'>; draft: OutcomeDraft }> {
	// An MPP served by an edge gets its tickets there only (issue 13): a number given here as well would
	// collide with the edge's when its outbox arrives. At the edge itself no edge_nodes row exists.
	if (await mppHasActiveEdge(tx, t.mpp.id)) {
		throw conflict(
			'Antrean MPP ini dilayani server di lokasi MPP: ambil nomor atau check-in di kiosk MPP (this MPP is served by its on-site edge server).',
			'served_by_edge'
		);
	}
	// The daily counter row stays locked until COMMIT, so from here on the statements are pipelined:
	// kiosks issuing for the same service wait for each other only as long as necessary.
	const id = uuidv7();
	const number = ticketNumber(t.service.prefix, t.seq);
	const [record] = await Promise.all([
		insertTicket(tx, {
			id,
			mppId: t.mpp.id,
			serviceId: t.service.id,
			localDate: t.localDate,
			seq: t.seq,
			number,
			priorityGroup: t.priorityGroup,
			trackCode: generateTrackCode(),
			issuedAt: t.now,
			source: t.source,
			queuedAt: t.queuedAt,
			bookedSlotStart: t.bookedSlotStart
		}),
		appendEvent(tx, {
			ticketId: id,
			mppId: t.mpp.id,
			type: 'issued',
			at: t.now,
			counterId: null,
			serviceId: t.service.id,
			actor: t.actor,
			data: { number, source: t.source, priorityGroup: t.priorityGroup, ...t.data }
		})
	]);
	// the issuer (the kiosk printing the slip) needs the track code: it is the citizen's key
	const ticket = toOutcomeTicket(record);
	const [estimate, draft] = await Promise.all([
		estimateFor(tx, record, t.service.expectedServiceMinutes),
		draftOutcome(tx, t.mpp.id, t.now, { type: 'ticket:issued', ticket }, [t.service.id])
	]);
	return { value: { ticket, ...estimate }, draft };
}
