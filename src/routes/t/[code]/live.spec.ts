import { describe, expect, it } from 'vitest';
import type { TicketFollowState } from '$lib/realtime/events';
import type { ClientSocket } from '$lib/realtime/socket';
import { followTicket, type TrackConnection } from './live';
import type { LiveTicket } from './track-apply';

/** Just enough of a socket.io client: the test plays the server. */
class FakeSocket {
	connected = false;
	closed = false;
	/** the track codes this phone asked to follow, one per resync */
	follows: string[] = [];
	answer: TicketFollowState;
	#listeners = new Map<string, ((payload?: unknown) => void)[]>();

	constructor(answer: TicketFollowState) {
		this.answer = answer;
	}
	on(name: string, listener: (payload?: unknown) => void) {
		this.#listeners.set(name, [...(this.#listeners.get(name) ?? []), listener]);
		return this;
	}
	timeout() {
		return {
			emitWithAck: async (_name: string, request: { trackCode: string }) => {
				this.follows.push(request.trackCode);
				return { data: this.answer };
			}
		};
	}
	disconnect() {
		this.connected = false;
		this.closed = true;
	}
	fire(name: string, payload?: unknown) {
		for (const listener of this.#listeners.get(name) ?? []) listener(payload);
	}
	connect() {
		this.connected = true;
		this.fire('connect');
	}
	drop() {
		this.connected = false;
		this.fire('disconnect', 'transport close');
	}
}

const ticket = {
	trackCode: 'abcdefghjk',
	number: 'A003',
	status: 'waiting' as const,
	serviceId: 's1',
	serviceName: 'KTP-el',
	counterName: null,
	callCount: 0
};
const first: LiveTicket = {
	seq: -1,
	status: 'waiting',
	serviceId: 's1',
	serviceName: 'KTP-el',
	tenantName: 'Disdukcapil',
	counterName: null,
	callCount: 0,
	position: 3,
	estimatedWaitMinutes: 12
};
const state = (seq: number, position: number): TicketFollowState => ({
	mppId: 'm1',
	seq,
	ticket,
	tenantName: 'Disdukcapil',
	position,
	estimatedWaitMinutes: position * 4
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function start(answer = state(5, 2)) {
	const socket = new FakeSocket(answer);
	const seen: LiveTicket[] = [];
	const states: TrackConnection[] = [];
	followTicket({
		socket: socket as unknown as ClientSocket,
		trackCode: 'abcdefghjk',
		initial: first,
		onChange: (live) => seen.push(live),
		onState: (s) => states.push(s)
	});
	const latest = () => seen.at(-1);
	return { socket, seen, states, latest };
}

describe('followTicket', () => {
	it('reads its ticket once when connected, then applies events without asking again', async () => {
		const { socket, states, latest } = start();
		socket.connect();
		await settle();
		expect(socket.follows).toEqual(['abcdefghjk']);
		expect(states).toEqual(['live']);
		expect(latest()).toMatchObject({ seq: 5, position: 2 });

		socket.fire('ticket:position', {
			mppId: 'm1',
			seq: 6,
			trackCode: 'abcdefghjk',
			position: 1,
			estimatedWaitMinutes: 0
		});
		expect(latest()).toMatchObject({ position: 1, estimatedWaitMinutes: 0 });
		socket.fire('ticket:tracked', {
			mppId: 'm1',
			seq: 7,
			ticket: { ...ticket, status: 'called', counterName: 'Loket 2', callCount: 1 }
		});
		expect(latest()).toMatchObject({ status: 'called', counterName: 'Loket 2', position: null });
		await settle();
		expect(socket.follows).toHaveLength(1);
	});

	it('ignores what is about another ticket', async () => {
		const { socket, seen } = start();
		socket.connect();
		await settle();
		const before = seen.length;
		socket.fire('ticket:position', {
			mppId: 'm1',
			seq: 9,
			trackCode: 'zzzzzzzzzz',
			position: 1,
			estimatedWaitMinutes: 0
		});
		socket.fire('ticket:tracked', {
			mppId: 'm1',
			seq: 9,
			ticket: { ...ticket, trackCode: 'zzzzzzzzzz', status: 'called' }
		});
		expect(seen).toHaveLength(before);
	});

	it('after a lost connection, resyncs exactly once and shows what was missed', async () => {
		const { socket, states, latest } = start();
		socket.connect();
		await settle();
		socket.drop();
		expect(states.at(-1)).toBe('reconnecting');
		socket.answer = {
			...state(9, 0),
			ticket: { ...ticket, status: 'called', counterName: 'Loket 4', callCount: 2 },
			position: null,
			estimatedWaitMinutes: null
		};
		socket.connect();
		await settle();
		expect(socket.follows).toHaveLength(2);
		expect(states.at(-1)).toBe('live');
		expect(latest()).toMatchObject({ status: 'called', counterName: 'Loket 4', callCount: 2 });
	});

	it('a transfer reads once more (the new agency), a finished ticket lets the socket go', async () => {
		const { socket } = start();
		socket.connect();
		await settle();
		socket.fire('ticket:tracked', {
			mppId: 'm1',
			seq: 8,
			ticket: { ...ticket, serviceId: 's2', serviceName: 'KK' }
		});
		await settle();
		expect(socket.follows).toHaveLength(2);
		socket.fire('ticket:tracked', { mppId: 'm1', seq: 9, ticket: { ...ticket, status: 'cancelled' } });
		expect(socket.closed).toBe(true);
	});
});
