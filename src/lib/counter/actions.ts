// Which console actions make sense right now, from the counter's state and its current ticket. The
// engine refuses the rest anyway; the console greys them out so an operator never presses in vain.
import type { CounterStatus, TicketStatus } from '$lib/domain/types';
import type { ConsoleAction } from './shortcuts';

export interface CounterState {
	status: CounterStatus;
	ticket: { status: TicketStatus; callCount: number } | null;
	/** the MPP's call limit: recalls stop and no-show becomes possible at this many calls */
	callLimit: number;
}

export function availableActions({
	status,
	ticket,
	callLimit
}: CounterState): Record<ConsoleAction, boolean> {
	const called = ticket?.status === 'called';
	return {
		callNext: status === 'open',
		recall: called && ticket.callCount < callLimit,
		start: called,
		finish: ticket !== null,
		// DOMAIN profile: a citizen is absent only after the MPP's call limit (default 3 calls)
		noShow: called && ticket.callCount >= callLimit,
		transfer: ticket !== null,
		pause: status !== 'closed',
		close: status !== 'closed',
		open: status !== 'open'
	};
}

/** Recalls still needed before no-show may be marked, for a called ticket. */
export function callsBeforeNoShow(ticket: { callCount: number }, callLimit: number): number {
	return Math.max(0, callLimit - ticket.callCount);
}
