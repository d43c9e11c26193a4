// Which room gets which event for one queue Outcome. Pure, so the rules are unit-tested without sockets.
// Per MPP room, one Outcome is exactly one event carrying the Outcome's seq (gap detection relies on it).
// The Outcome's tickets carry their track codes (to address the citizen's room); staff and counter
// rooms get them stripped (`staff()`): a code is the key to a citizen's survey (issue 10 item 4).
import type {
	CallView,
	DisplayCounter,
	ServerEvent,
	ServerEventName,
	TicketView,
	TrackedTicket
} from '../../realtime/events';
import type { CounterView, Outcome, OutcomeTicket } from '../queue/outcome';
import { toTicketView } from '../queue/views';
import { rooms } from './rooms';

const forStaff = (ticket: OutcomeTicket): TicketView => toTicketView(ticket);
const forStaffOrNull = (ticket: OutcomeTicket | null): TicketView | null => ticket && toTicketView(ticket);

/** One emit: the same event and payload to every room listed (a socket in several gets it once). */
export type Emit = {
	[E in ServerEventName]: { rooms: string[]; event: E; payload: ServerEvent<E> };
}[ServerEventName];

export function fanout(outcome: Outcome): Emit[] {
	const { mppId, seq, waiting, change, at } = outcome;
	const base = { mppId, seq };
	const display = rooms.display(mppId);
	const staff = [rooms.staff(mppId)];
	const counterRooms = (counter: CounterView | null) => (counter ? [rooms.counter(counter.id)] : []);
	const emits: Emit[] = [];
	const ticketUpdated = (ticket: OutcomeTicket | null) => {
		if (ticket)
			emits.push({
				rooms: [rooms.ticket(ticket.trackCode)],
				event: 'ticket:tracked',
				payload: { ...base, ticket: trackedTicket(ticket) }
			});
	};
	const queueChanged = (counter?: CounterView | null) => {
		const payload = counter ? { ...base, waiting, counter: displayCounter(counter) } : { ...base, waiting };
		emits.push({ rooms: [display], event: 'queue:changed', payload });
	};

	switch (change.type) {
		case 'ticket:called':
		case 'ticket:recalled': {
			const call = callView(change.ticket, change.counter, at);
			const finished = change.type === 'ticket:called' ? change.finished : null;
			emits.push({ rooms: [display], event: change.type, payload: { ...base, call, waiting } });
			emits.push({
				rooms: [...staff, ...counterRooms(change.counter)],
				event: change.type,
				payload: {
					...base,
					call,
					waiting,
					ticket: forStaff(change.ticket),
					counter: change.counter,
					finished: forStaffOrNull(finished)
				}
			});
			ticketUpdated(change.ticket);
			ticketUpdated(finished);
			break;
		}
		case 'ticket:issued':
			queueChanged();
			emits.push({
				rooms: staff,
				event: change.type,
				payload: { ...base, waiting, ticket: forStaff(change.ticket) }
			});
			ticketUpdated(change.ticket);
			break;
		case 'ticket:started':
		case 'ticket:finished':
		case 'ticket:no-show':
			queueChanged(change.counter);
			emits.push({
				rooms: [...staff, ...counterRooms(change.counter)],
				event: change.type,
				payload: { ...base, waiting, ticket: forStaff(change.ticket), counter: change.counter }
			});
			ticketUpdated(change.ticket);
			break;
		case 'ticket:transferred':
			queueChanged(change.counter);
			emits.push({
				rooms: [...staff, ...counterRooms(change.counter)],
				event: change.type,
				payload: {
					...base,
					waiting,
					ticket: forStaff(change.ticket),
					fromServiceId: change.fromServiceId,
					counter: change.counter
				}
			});
			ticketUpdated(change.ticket);
			break;
		case 'ticket:cancelled':
			queueChanged(change.counter);
			emits.push({
				rooms: [...staff, ...counterRooms(change.counter)],
				event: change.type,
				payload: { ...base, waiting, ticket: forStaff(change.ticket), counter: change.counter }
			});
			ticketUpdated(change.ticket);
			break;
		case 'counter:changed':
			queueChanged(change.counter);
			emits.push({
				rooms: [...staff, ...counterRooms(change.counter)],
				event: change.type,
				payload: { ...base, waiting, counter: change.counter, finished: forStaffOrNull(change.finished) }
			});
			ticketUpdated(change.finished);
			break;
		case 'ticket:expired':
			emits.push({
				rooms: [display, ...staff],
				event: change.type,
				payload: {
					...base,
					waiting,
					ticketIds: change.tickets.map((t) => t.id),
					counterIds: change.counterIds
				}
			});
			for (const ticket of change.tickets) ticketUpdated(ticket);
			break;
		case 'mpp:configured':
			emits.push({ rooms: [display, ...staff], event: change.type, payload: base });
			break;
	}
	return emits;
}

function callView(ticket: OutcomeTicket, counter: CounterView, at: string): CallView {
	return {
		ticketId: ticket.id,
		number: ticket.number,
		serviceId: ticket.serviceId,
		counterId: counter.id,
		counterName: counter.name,
		calledAt: ticket.calledAt ?? at,
		callCount: ticket.callCount
	};
}

/** The citizen's own view of a ticket (events.ts TrackedTicket): no priority group, no ids. */
export function trackedTicket(ticket: OutcomeTicket): TrackedTicket {
	const { trackCode, number, status, serviceId, serviceName, counterName, callCount } = ticket;
	return { trackCode, number, status, serviceId, serviceName, counterName, callCount };
}

function displayCounter(counter: CounterView): DisplayCounter {
	return { id: counter.id, name: counter.name, status: counter.status };
}
