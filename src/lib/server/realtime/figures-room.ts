// The figures room of each MPP (`figures:<mppId>`, the ministry's read-only Live tab): after the MPP's
// queue moved, or someone joined, one fresh reading of the tab's aggregates (stats/live-figures.ts)
// goes to everyone watching, at most once per interval per MPP (keyed-throttle.ts), and nothing at all
// while nobody watches. Never a queue event: those carry ticket numbers and track codes.
// Per node on purpose: with the PostgreSQL bus every node hears every MPP's changes and serves its own
// sockets, so a node reads and emits only for rooms its own sockets are in (io.local).
import type { MppFiguresEvent } from '../../realtime/events';
import { getStatsSql } from '../db/client';
import { figuresEvent } from '../stats/live-figures';
import type { AppServer } from './io';
import { keyedThrottle } from './keyed-throttle';
import { rooms } from './rooms';

/** the Live tab refetched at most this often before the room existed; same pace for the room */
export const FIGURES_INTERVAL_MS = 2000;

export interface FiguresRoom {
	/** the MPP changed, or gained a watcher: its watchers on this node hear fresh figures soon */
	changed(mppId: string): void;
	stop(): void;
}

export interface FiguresRoomOptions {
	intervalMs?: number;
	read?(mppId: string): Promise<MppFiguresEvent | null>;
}

export function figuresRoom(io: AppServer, options: FiguresRoomOptions = {}): FiguresRoom {
	// the stats pool: these reads of today's tickets must never hold a connection call-next needs
	const read = options.read ?? ((mppId: string) => figuresEvent(getStatsSql(), mppId));
	const watched = (mppId: string) => (io.sockets.adapter.rooms.get(rooms.figures(mppId))?.size ?? 0) > 0;
	const throttle = keyedThrottle(
		async (mppId) => {
			// the last watcher may have left while this waited its turn
			if (!watched(mppId)) return;
			const event = await read(mppId);
			if (event) io.local.to(rooms.figures(mppId)).emit('mpp:figures', event);
		},
		options.intervalMs ?? FIGURES_INTERVAL_MS,
		(error) => console.error('mpp figures failed', error)
	);
	return {
		changed(mppId) {
			if (watched(mppId)) throttle.request(mppId);
		},
		stop: throttle.stop
	};
}

const created = new WeakMap<AppServer, FiguresRoom>();

/** The figures room of this io server, made on first use (one per process, like the io server). */
export function figuresOf(io: AppServer): FiguresRoom {
	let room = created.get(io);
	if (!room) created.set(io, (room = figuresRoom(io)));
	return room;
}
