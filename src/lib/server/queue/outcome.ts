// What a queue operation did, as the engine returns it after its transaction commits.
// The engine never touches sockets: its transaction sends the Outcome on the PostgreSQL bus as it
// commits (bus/send.ts), and every node's listener turns it into room events for its own sockets
// (realtime/publish.ts).
import type { CounterStatus, PriorityGroup, TicketStatus } from '$lib/domain/types';

/**
 * A ticket as staff doors and staff events show it. Times are ISO strings (UTC). Never its track
 * code: the code is the citizen's key to their tracking page and survey, and staff who held every
 * code could answer the surveys that rate them (issue 10 item 4). `trackCode?: never` makes handing
 * an OutcomeTicket to a staff payload a type error.
 */
export interface TicketView {
	trackCode?: never;
	id: string;
	mppId: string;
	number: string;
	serviceId: string;
	serviceName: string;
	status: TicketStatus;
	priorityGroup: PriorityGroup | null;
	issuedAt: string;
	localDate: string;
	callCount: number;
	firstCalledAt: string | null;
	calledAt: string | null;
	startedAt: string | null;
	finishedAt: string | null;
	counterId: string | null;
	counterName: string | null;
}

/**
 * The engine's own view of a ticket, inside an Outcome: with the track code, which addresses the
 * citizen's `ticket:<trackCode>` room and the kiosk's slip. fanout strips it from every staff event.
 */
export type OutcomeTicket = Omit<TicketView, 'trackCode'> & { trackCode: string };

export interface CounterView {
	id: string;
	mppId: string;
	name: string;
	status: CounterStatus;
	currentTicketId: string | null;
	serviceIds: string[];
}

export type QueueChange =
	| { type: 'ticket:issued'; ticket: OutcomeTicket }
	/** `finished` is the ticket the counter was still serving, closed by this call */
	| { type: 'ticket:called'; ticket: OutcomeTicket; counter: CounterView; finished: OutcomeTicket | null }
	| { type: 'ticket:recalled'; ticket: OutcomeTicket; counter: CounterView }
	| { type: 'ticket:started'; ticket: OutcomeTicket; counter: CounterView }
	| { type: 'ticket:finished'; ticket: OutcomeTicket; counter: CounterView }
	| { type: 'ticket:no-show'; ticket: OutcomeTicket; counter: CounterView }
	| { type: 'ticket:transferred'; ticket: OutcomeTicket; fromServiceId: string; counter: CounterView | null }
	| { type: 'ticket:cancelled'; ticket: OutcomeTicket; counter: CounterView | null }
	/**
	 * A counter opened, paused or closed, or callNext found nobody. `finished` is a ticket it was
	 * serving; `requeued` (optional, added by the queue engine) is a called-but-not-started ticket that
	 * went back to waiting with its place kept when the counter paused or closed.
	 */
	| {
			type: 'counter:changed';
			counter: CounterView;
			finished: OutcomeTicket | null;
			requeued?: OutcomeTicket | null;
	  }
	/**
	 * The sweep closed open tickets of an ended MPP-local day (issue 10 item 5); `counterIds` are the
	 * counters that were still holding one of them and now hold none.
	 */
	| { type: 'ticket:expired'; tickets: OutcomeTicket[]; counterIds: string[] }
	/**
	 * The MPP's configuration changed beyond what one delta carries (a service or counter added,
	 * renamed or deactivated, the MPP renamed): every client fetches a fresh snapshot (issue 6).
	 */
	| { type: 'mpp:configured' };

export interface Outcome {
	mppId: string;
	/** this MPP's event sequence number, taken inside the operation's transaction */
	seq: number;
	at: string;
	change: QueueChange;
	/** tickets waiting now, per service id, for the services this change touched */
	waiting: Record<string, number>;
}
