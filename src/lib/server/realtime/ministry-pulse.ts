// The ministry room's live figures (issue 5): every few seconds, while anyone follows the room, one
// computation of today's national totals (each MPP's own local today, by time zone) goes to all of
// them at once. Throttled aggregates, never per-ticket events: the ministry sees no tickets, and 300
// MPPs' calls would be thousands of events a minute for a number that moves by a few.
import type { MinistryTodayEvent } from '../../realtime/events';
import { getStatsSql } from '../db/client';
import { nationalToday } from '../national/today';
import { getIo } from './io';
import { rooms } from './rooms';

/** A few seconds apart; tests set ANTREAN_MINISTRY_PULSE_MS lower. */
export function pulseInterval(): number {
	const ms = Number(process.env.ANTREAN_MINISTRY_PULSE_MS);
	return Number.isFinite(ms) && ms >= 100 ? ms : 5000;
}

export async function ministryToday(now = new Date()): Promise<MinistryTodayEvent> {
	// always fresh, and kept for the /ministry page loads of the next few seconds
	const result = await nationalToday(getStatsSql(), 0, now);
	return { at: now.toISOString(), total: result.total, zones: result.rows };
}

const slot = Symbol.for('antrean.ministry.pulse');
type Slots = typeof globalThis & { [slot]?: ReturnType<typeof setInterval> };

/** Starts the one pulse of this process; starting again (dev HMR) replaces it. */
export function startMinistryPulse(intervalMs = pulseInterval()): void {
	const slots = globalThis as Slots;
	clearInterval(slots[slot]);
	let busy = false;
	const timer = setInterval(() => {
		const io = getIo();
		// nobody watching, or the last figures still being computed: skip this beat
		if (busy || !io?.sockets.adapter.rooms.get(rooms.ministry())?.size) return;
		busy = true;
		ministryToday()
			.then((event) => io.to(rooms.ministry()).emit('ministry:today', event))
			.catch((error: unknown) => console.error('ministry pulse failed', error))
			.finally(() => (busy = false));
	}, intervalMs);
	// a pulse alone must not keep a process (a CLI, a test) alive
	timer.unref();
	slots[slot] = timer;
}
