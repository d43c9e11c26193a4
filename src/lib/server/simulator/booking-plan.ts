// Which window a simulated citizen books, and how many book: pure, so the share and the timing are
// tested without a database (booking-plan.spec.ts). The rest of the simulated booking is bookers.ts.
import { slotMinutes } from '../../domain/booking-slots';
import { formatClock, localTime } from '../../domain/local-day';
import { poisson, type Random } from '../../domain/traffic-profile';

/** DOMAIN §8: a booking share of about 30 % of arrivals is what the demo shows. */
export const defaultBookingShare = 0.3;
/** Bookings made ahead for each booked arrival expected: the rest end as no-shows or are cancelled. */
export const bookAheadFactor = 1.15;
/** Of the simulator's bookings made ahead, the share cancelled again before their window. */
export const cancelShare = 0.05;

export interface Window {
	/** MPP-local 'YYYY-MM-DD' */
	date: string;
	/** MPP-local 'HH:MM', a window start */
	time: string;
}

/** The first window that starts at least `minutesAhead` after `now`, in the MPP's zone. */
export function windowAhead(now: Date, timezone: string, minutesAhead: number): Window {
	const slotMs = slotMinutes * 60_000;
	// windows start on the quarter hour of the zone; every Indonesian zone is a whole hour off UTC
	const at = new Date(Math.ceil((now.getTime() + minutesAhead * 60_000) / slotMs) * slotMs);
	const local = localTime(at, timezone);
	return { date: local.date, time: formatClock(local.minutes) };
}

/** Bookings to make ahead in a tick where `expectedArrivals` citizens are expected. */
export function bookingsAhead(random: Random, expectedArrivals: number, share: number): number {
	return poisson(random, expectedArrivals * share * bookAheadFactor);
}

/** How far ahead a booking made now is for: one to two hours, as people book on the day. */
export function minutesAhead(random: Random): number {
	return 60 + Math.floor(random() * 60);
}
