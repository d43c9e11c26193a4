// What a queue operation did, as the engine returns it after its transaction commits.
// The engine never touches sockets: the door (route, socket handler, CLI) passes an Outcome to
// `publish()` in $lib/server/realtime, which turns it into room events.
import type { CounterStatus, PriorityGroup, TicketStatus } from '$lib/domain/types';

/** A ticket as every door and event shows it. Times are ISO strings (UTC). */
export interface TicketView {
	id: string;
	mppId: string;
	number: string;
	serviceId: string;
	serviceName: string;
	status: TicketStatus;
	priorityGroup: PriorityGroup | null;
	trackCode: string;
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

export interface CounterView {
	id: string;
	mppId: string;
	name: string;
	status: CounterStatus;
	currentTicketId: string | null;
	serviceIds: string[];
}

export type QueueChange =
	| { type: 'ticket:issued'; ticket: TicketView }
	/** `finished` is the ticket the counter was still serving, closed by this call */
	| { type: 'ticket:called'; ticket: TicketView; counter: CounterView; finished: TicketView | null }
	| { type: 'ticket:recalled'; ticket: TicketView; counter: CounterView }
	| { type: 'ticket:started'; ticket: TicketView; counter: CounterView }
	| { type: 'ticket:finished'; ticket: TicketView; counter: CounterView }
	| { type: 'ticket:no-show'; ticket: TicketView; counter: CounterView }
	| { type: 'ticket:transferred'; ticket: TicketView; fromServiceId: string; counter: CounterView | null }
	| { type: 'ticket:cancelled'; ticket: TicketView; counter: CounterView | null }
	/**
	 * A counter opened, paused or closed, or callNext found nobody. `finished` is a ticket it was
	 * serving; `requeued` (optional, added by the queue engine) is a called-but-not-started ticket that
	 * went back to waiting with its place kept when the counter paused or closed.
	 */
	| {
			type: 'counter:changed';
			counter: CounterView;
			finished: TicketView | null;
			requeued?: TicketView | null;
	  }
	/**
	 * The sweep closed open tickets of an ended MPP-local day (issue 10 item 5); `counterIds` are the
	 * counters that were still holding one of them and now hold none.
	 */
	| { type: 'ticket:expired'; tickets: TicketView[]; counterIds: string[] }
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
