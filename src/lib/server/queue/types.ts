// What the doors pass into the queue engine and get back from it.
import type { CounterView, Outcome, TicketView } from './outcome';

/** Who did it, recorded on every ticket_events row: a signed-in person, a paired device, or neither. */
export interface QueueActor {
	userId?: string | null;
	deviceId?: string | null;
}

export interface TicketOutcome {
	ticket: TicketView;
	outcome: Outcome;
}

export interface IssuedTicket extends TicketOutcome {
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

export interface TicketTracking {
	ticket: TicketView;
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
