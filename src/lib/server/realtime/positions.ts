// Tells each waiting citizen their new place and estimate after their service's queue moved, as
// `ticket:position` to their own ticket room: one query for the whole service, then one small event
// per phone, so 200 waiting phones cost one read per movement instead of 200 page refetches
// (issue 10 §1). A busy service is recomputed at most once per interval, the last time trailing, and
// its phones are told a slice at a time so that calls do not wait behind a long wave.
import { estimateWaitMinutes } from '../../domain/wait-estimate';
import type { TicketPositionEvent } from '../../realtime/events';
import { getSql } from '../db/client';
import { listWaitingPlaces, type WaitingPlace } from '../db/positions';
import { getIo } from './io';
import { keyedThrottle } from './keyed-throttle';
import { rooms } from './rooms';

export const POSITION_INTERVAL_MS = 1000;
/**
 * Phones told per turn of the event loop. A busy service's wave is one write per waiting phone (900
 * for a full day's queue, ≈ 10 ms); in slices, a call's broadcast and the HTTP answers that arrive
 * meanwhile are not held behind it (BENCHMARKS "Issue 15 closing runs": 10,000 sockets).
 */
export const POSITION_SLICE = 100;

export interface PositionPusherOptions {
	/** the events of every waiting ticket of the service, as of now */
	compute(serviceId: string): Promise<TicketPositionEvent[]>;
	emit(event: TicketPositionEvent): void;
	/** a phone on this node still follows this code (its ticket room has a socket here) */
	isFollowed(trackCode: string): boolean;
	intervalMs?: number;
	/** phones told before the next turn of the event loop */
	slice?: number;
	onError?(error: unknown): void;
}

export interface PositionPusher {
	/** a phone on this node follows this ticket of that service (its `ticket:follow` was answered) */
	follow(serviceId: string, trackCode: string): void;
	/** the queue of this service moved: its phones on this node hear their places soon */
	moved(serviceId: string): void;
	stop(): void;
}

/**
 * Per service: computed on the next tick when the service was quiet for an interval (so a call in a
 * calm hour reaches phones at once), otherwise at most once per interval with the last movement
 * trailing; never two computations of one service at once (keyed-throttle.ts).
 *
 * Every node hears every movement on the bus, but only the phones connected to it are its business:
 * a node computes a service's places only while one of its own sockets follows a ticket of that
 * service, so N nodes do not each read every queue (issue 11).
 */
export function positionPusher(options: PositionPusherOptions): PositionPusher {
	const {
		compute,
		emit,
		isFollowed,
		intervalMs = POSITION_INTERVAL_MS,
		slice = POSITION_SLICE,
		onError = () => {}
	} = options;
	const followed = new Map<string, Set<string>>();
	const stillFollowed = (serviceId: string): Set<string> | null => {
		const codes = followed.get(serviceId);
		for (const code of codes ?? []) if (!isFollowed(code)) codes!.delete(code);
		if (codes?.size) return codes;
		followed.delete(serviceId);
		return null;
	};
	const throttle = keyedThrottle(
		async (serviceId) => {
			const codes = stillFollowed(serviceId);
			if (!codes) return;
			let told = 0;
			for (const event of await compute(serviceId)) {
				if (!codes.has(event.trackCode)) continue;
				if (told > 0 && told % slice === 0) await nextTurn();
				emit(event);
				told++;
			}
		},
		intervalMs,
		onError
	);
	return {
		follow(serviceId, trackCode) {
			// a transferred ticket is followed again under its new service; the old entry is pruned later
			let codes = followed.get(serviceId);
			if (!codes) followed.set(serviceId, (codes = new Set()));
			codes.add(trackCode);
		},
		moved(serviceId) {
			if (stillFollowed(serviceId)) throttle.request(serviceId);
		},
		stop: throttle.stop
	};
}

// after the I/O that is already waiting: setImmediate, not a microtask or nextTick
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function positionEvent(place: WaitingPlace): TicketPositionEvent {
	return {
		mppId: place.mppId,
		seq: place.seq,
		trackCode: place.trackCode,
		position: place.ahead + 1,
		estimatedWaitMinutes: estimateWaitMinutes({
			ahead: place.ahead,
			meanServiceSeconds: place.meanServiceSeconds ?? place.expectedServiceMinutes * 60,
			openCounters: place.openCounters
		})
	};
}

let pusher: PositionPusher | undefined;

/** The process's pusher on the socket.io server and the app's database (created on first use). */
export function positions(): PositionPusher {
	pusher ??= positionPusher({
		compute: async (serviceId) => (await listWaitingPlaces(getSql(), serviceId)).map(positionEvent),
		emit: (event) => getIo()?.local.to(rooms.ticket(event.trackCode)).emit('ticket:position', event),
		isFollowed: (trackCode) => !!getIo()?.sockets.adapter.rooms.get(rooms.ticket(trackCode))?.size,
		onError: (error) => console.error('ticket positions', error)
	});
	return pusher;
}
