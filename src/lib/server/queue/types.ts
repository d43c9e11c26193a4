// What the doors pass into the queue engine and get back from it.
import type { Tx } from '../db/client';
import type { IdempotencyClaim } from '../idempotency';
import type { CounterView, Outcome, OutcomeTicket, TicketView } from './outcome';

/** Who did it, recorded on every ticket_events row: a signed-in person, a paired device, or neither. */
export interface QueueActor {
	userId?: string | null;
	deviceId?: string | null;
}

/** Where an operation acts, as the engine has locked it: a counter, or a ticket (at a counter or not). */
export interface QueuePlace {
	mppId: string;
	counterId: string | null;
	/** the ticket's service; null when the operation is on a counter */
	serviceId: string | null;
}

/**
 * The door's access rule, which the engine runs inside its transaction on the rows it has just locked
 * (issue 10 item 8): a check read before the transaction could be stale by the time it acts.
 */
export type QueueGuard = (tx: Tx, place: QueuePlace) => Promise<void>;

/** What every door-driven operation may carry besides its own input. */
export interface QueueRequest {
	authorize?: QueueGuard;
	idempotency?: IdempotencyClaim | null;
}

export interface TicketOutcome {
	ticket: TicketView;
	outcome: Outcome;
}

/** The issuer's answer keeps the track code: the kiosk prints it on the slip (the citizen's key). */
export interface IssuedTicket {
	ticket: OutcomeTicket;
	outcome: Outcome;
	/** 1 when this ticket is next */
	position: number;
	estimatedWaitMinutes: number;
}

export interface CallNextResult {
	/** the ticket now called, or null when nobody waits (the HTTP door answers 204) */
	ticket: TicketView | null;
	/** the ticket this counter was still calling or serving, finished by this call */
	finished: TicketView | null;
	/** null only when nothing changed at all (nobody waiting and nothing to finish) */
	outcome: Outcome | null;
}

export interface CounterOutcome {
	counter: CounterView;
	outcome: Outcome;
}

/** The citizen's own ticket, found by its track code. */
export interface TicketTracking {
	ticket: OutcomeTicket;
	/** only while waiting */
	position: number | null;
	estimatedWaitMinutes: number | null;
}

export interface TicketAccessInfo {
	mppId: string;
	serviceId: string;
	counterId: string | null;
	status: TicketView['status'];
}
