// Rows → the views every door and event shows (outcome.ts).
import type { QueueCounter } from '../db/queue-counters';
import type { TicketRecord } from '../db/tickets';
import type { CounterView, OutcomeTicket, TicketView } from './outcome';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The engine's view with the track code: for Outcomes, the citizen's room and the kiosk only. */
export function toOutcomeTicket(t: TicketRecord): OutcomeTicket {
	return {
		id: t.id,
		mppId: t.mppId,
		number: t.number,
		serviceId: t.serviceId,
		serviceName: t.serviceName,
		status: t.status,
		priorityGroup: t.priorityGroup,
		trackCode: t.trackCode,
		issuedAt: t.issuedAt.toISOString(),
		localDate: t.localDate,
		callCount: t.callCount,
		firstCalledAt: iso(t.firstCalledAt),
		calledAt: iso(t.calledAt),
		startedAt: iso(t.startedAt),
		finishedAt: iso(t.finishedAt),
		counterId: t.counterId,
		counterName: t.counterName
	};
}

/** What staff may see of a ticket: everything but its track code (issue 10 item 4). */
export function toTicketView(t: OutcomeTicket): TicketView {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars -- taken out on purpose
	const { trackCode, ...view } = t;
	return view;
}

/** A row straight to what staff may see. */
export const staffTicketView = (t: TicketRecord): TicketView => toTicketView(toOutcomeTicket(t));

export function toCounterView(c: QueueCounter): CounterView {
	return {
		id: c.id,
		mppId: c.mppId,
		name: c.name,
		status: c.status,
		currentTicketId: c.currentTicketId,
		serviceIds: c.serviceIds
	};
}

/** Indonesian names of ticket states, for error messages. */
export const statusLabel: Record<TicketView['status'], string> = {
	waiting: 'menunggu',
	called: 'dipanggil',
	serving: 'sedang dilayani',
	done: 'selesai',
	no_show: 'tidak hadir',
	cancelled: 'dibatalkan',
	expired: 'kedaluwarsa (hari layanan sudah berakhir)'
};
