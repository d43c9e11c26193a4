// The tracking page's live state and how each socket message changes it, pure so the rules are
// unit-tested. Events carry the MPP's `seq`: a phone sees only its own ticket's events, so gaps are
// normal here, but an older state never overwrites a newer one.
import type { TicketFollowState, TicketPositionEvent, TicketTrackedEvent } from '$lib/realtime/events';

export interface LiveTicket {
	/** the MPP's seq this state is as of; -1 for the page's first paint (not sequenced) */
	seq: number;
	status: TicketFollowState['ticket']['status'];
	serviceId: string;
	serviceName: string;
	tenantName: string;
	counterName: string | null;
	callCount: number;
	/** only while waiting */
	position: number | null;
	estimatedWaitMinutes: number | null;
}

/** The page's first paint (from load): the live fields only, not yet in any sequence. */
export function firstPaint(tracking: Omit<LiveTicket, 'seq'>): LiveTicket {
	const { status, serviceId, serviceName, tenantName, counterName, callCount } = tracking;
	const { position, estimatedWaitMinutes } = tracking;
	return {
		seq: -1,
		status,
		serviceId,
		serviceName,
		tenantName,
		counterName,
		callCount,
		position,
		estimatedWaitMinutes
	};
}

/** A ticket in these states changes no more: the page stops listening. */
export function isOpen(status: LiveTicket['status']): boolean {
	return status === 'waiting' || status === 'called' || status === 'serving';
}

/** The answer to a (re)connect's `ticket:follow`: the whole live state, unless a newer event came first. */
export function applyFollow(live: LiveTicket, state: TicketFollowState): LiveTicket {
	if (state.seq < live.seq) return live;
	const { status, serviceId, serviceName, counterName, callCount } = state.ticket;
	return {
		seq: state.seq,
		status,
		serviceId,
		serviceName,
		tenantName: state.tenantName,
		counterName,
		callCount,
		position: state.position,
		estimatedWaitMinutes: state.estimatedWaitMinutes
	};
}

/**
 * The ticket itself changed. Its place is not in the event: a ticket that (again) waits keeps the
 * last known place until its service's `ticket:position` follows.
 */
export function applyTracked(live: LiveTicket, event: TicketTrackedEvent): LiveTicket {
	if (event.seq <= live.seq) return live;
	const { status, serviceId, serviceName, counterName, callCount } = event.ticket;
	const waiting = status === 'waiting';
	return {
		...live,
		seq: event.seq,
		status,
		serviceId,
		serviceName,
		counterName,
		callCount,
		position: waiting ? live.position : null,
		estimatedWaitMinutes: waiting ? live.estimatedWaitMinutes : null
	};
}

/**
 * A new place and estimate. Ignored unless the ticket still waits and the computation saw its latest
 * change: a place computed before the ticket was called must not bring back "waiting".
 */
export function applyPosition(live: LiveTicket, event: TicketPositionEvent): LiveTicket {
	if (live.status !== 'waiting' || event.seq < live.seq) return live;
	if (live.position === event.position && live.estimatedWaitMinutes === event.estimatedWaitMinutes)
		return live;
	return { ...live, position: event.position, estimatedWaitMinutes: event.estimatedWaitMinutes };
}

/** A transfer moved the ticket to another service: its agency's name is not in the event. */
export function needsFollow(before: LiveTicket, after: LiveTicket): boolean {
	return before.serviceId !== after.serviceId;
}
