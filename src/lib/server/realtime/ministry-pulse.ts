// The ministry room's live figures (issue 5): every few seconds, while anyone follows the room, one
// computation of today's national totals (each MPP's own local today, by time zone) goes to all of
// them at once. Throttled aggregates, never per-ticket events: the ministry sees no tickets, and 300
// MPPs' calls would be thousands of events a minute for a number that moves by a few.
// With several nodes, one of them computes per beat and sends the figures on the bus; every node
// emits them to its own ministry sockets (issue 11).
import type { MinistryTodayEvent } from '../../realtime/events';
import { startBeat } from '../bus/beat';
import { send } from '../bus/send';
import { getSql, getStatsSql } from '../db/client';
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

/** Starts this node's part of the pulse; starting again (dev HMR) replaces it. */
export function startMinistryPulse(intervalMs = pulseInterval()): void {
	startBeat({
		name: 'ministry-pulse',
		everyMs: intervalMs,
		// a node claims the beat only while someone watches on it
		when: () => !!getIo()?.sockets.adapter.rooms.get(rooms.ministry())?.size,
		run: async () => send(getSql(), { kind: 'ministry-today', event: await ministryToday() })
	});
}
