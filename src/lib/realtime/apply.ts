// Applies one in-order event to a snapshot, returning a new snapshot (pure, so TV and console views
// can re-render from plain data and the rules are unit-tested).
import type {
	CallView,
	CounterView,
	DisplaySnapshot,
	ServerEvent,
	MppEventName,
	StaffCounter,
	StaffSnapshot,
	TicketView,
	WaitingCounts
} from './events';

/** How many of today's calls a TV lists; the server's snapshot uses the same number. */
export const RECENT_CALLS = 10;

/** One received event with its name, as the feed queues it. */
export type Delta = { [E in MppEventName]: { name: E; payload: ServerEvent<E> } }[MppEventName];

export function applyDisplayDelta(snapshot: DisplaySnapshot, delta: Delta): DisplaySnapshot {
	const next = { ...snapshot, seq: seqAfter(snapshot.seq, delta) };
	switch (delta.name) {
		case 'ticket:called':
		case 'ticket:recalled':
			next.recentCalls = withCall(snapshot.recentCalls, delta.payload.call);
			next.waiting = merge(snapshot.waiting, delta.payload.waiting);
			break;
		case 'queue:changed': {
			next.waiting = merge(snapshot.waiting, delta.payload.waiting);
			const counter = delta.payload.counter;
			if (counter) next.counters = upsert(snapshot.counters, counter.id, () => counter);
			break;
		}
		case 'ticket:expired':
			next.waiting = merge(snapshot.waiting, delta.payload.waiting);
			next.recentCalls = withoutTickets(snapshot.recentCalls, delta.payload.ticketIds);
			break;
		case 'display:message':
			next.mpp = { ...snapshot.mpp, runningText: delta.payload.runningText };
			break;
	}
	return next;
}

export function applyStaffDelta(snapshot: StaffSnapshot, delta: Delta): StaffSnapshot {
	const next = { ...snapshot, seq: seqAfter(snapshot.seq, delta) };
	if ('waiting' in delta.payload) next.waiting = merge(snapshot.waiting, delta.payload.waiting);
	switch (delta.name) {
		case 'ticket:called':
		case 'ticket:recalled':
			next.recentCalls = withCall(snapshot.recentCalls, delta.payload.call);
			if ('ticket' in delta.payload) {
				next.counters = withCounter(snapshot.counters, delta.payload.counter, delta.payload.ticket);
			}
			break;
		case 'ticket:started':
		case 'ticket:finished':
		case 'ticket:no-show':
		case 'ticket:transferred':
		case 'ticket:cancelled':
			if (delta.payload.counter) {
				next.counters = withCounter(snapshot.counters, delta.payload.counter, delta.payload.ticket);
			}
			break;
		case 'counter:changed':
			next.counters = withCounter(snapshot.counters, delta.payload.counter, null);
			break;
		case 'ticket:expired': {
			// an ended day's ticket leaves the calls list and any counter that still held it
			const gone = new Set(delta.payload.ticketIds);
			next.recentCalls = withoutTickets(snapshot.recentCalls, delta.payload.ticketIds);
			next.counters = snapshot.counters.map((c) =>
				c.currentTicket && gone.has(c.currentTicket.id) ? { ...c, currentTicket: null } : c
			);
			break;
		}
		case 'display:message':
			next.mpp = { ...snapshot.mpp, runningText: delta.payload.runningText };
			break;
	}
	return next;
}

function seqAfter(seq: number, delta: Delta): number {
	const eventSeq = 'seq' in delta.payload ? delta.payload.seq : undefined;
	return eventSeq !== undefined && eventSeq > seq ? eventSeq : seq;
}

function merge(waiting: WaitingCounts, changed: WaitingCounts): WaitingCounts {
	return { ...waiting, ...changed };
}

function withoutTickets(calls: CallView[], ticketIds: string[]): CallView[] {
	const gone = new Set(ticketIds);
	return calls.filter((c) => !gone.has(c.ticketId));
}

function withCall(calls: CallView[], call: CallView): CallView[] {
	return [call, ...calls.filter((c) => c.ticketId !== call.ticketId)].slice(0, RECENT_CALLS);
}

function withCounter(counters: StaffCounter[], view: CounterView, ticket: TicketView | null): StaffCounter[] {
	return upsert(counters, view.id, (old) => ({
		id: view.id,
		name: view.name,
		status: view.status,
		serviceIds: view.serviceIds,
		currentTicket: currentTicket(view, ticket, old?.currentTicket ?? null)
	}));
}

/** The ticket a counter is busy with, from the freshest data the event carries. */
function currentTicket(
	view: CounterView,
	ticket: TicketView | null,
	old: TicketView | null
): TicketView | null {
	if (!view.currentTicketId) return null;
	if (ticket?.id === view.currentTicketId) return ticket;
	return old?.id === view.currentTicketId ? old : null;
}

function upsert<T extends { id: string }>(items: T[], id: string, make: (old: T | undefined) => T): T[] {
	const at = items.findIndex((item) => item.id === id);
	if (at < 0) return [...items, make(undefined)];
	return items.map((item, i) => (i === at ? make(item) : item));
}
