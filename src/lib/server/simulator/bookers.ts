// The demo's citizens who book (issue 12): about 30 % of the simulated arrivals come with a booking.
// They book a window one to two hours ahead through the real booking service (the one ledger, the
// windows' places and the horizon, exactly as /book), and when a booked citizen arrives at the
// kiosk, one of those bookings whose check-in window is open is checked in. Slightly more are booked
// than arrive, so some end as no-shows (the no-show sweep) and a few are cancelled, as in life.
//
// Bookings live on the real clock while the simulated business day may run faster; a booked arrival
// with no booking due yet books the next window and checks in at once, so bookings show on the
// screens from the demo's first minute.
import { pickWeighted, type Random } from '../../domain/traffic-profile';
import type { Sql } from '../db/client';
import type { Mpp } from '../db/mpps';
import { findLaterSimulatedBooking, listDueSimulatedBookings } from '../db/simulation';
import { book } from '../booking/book';
import { BookingRefusal } from '../booking/calendar';
import { checkIn } from '../booking/check-in';
import { cancelBooking } from '../booking/manage';
import { AppError } from '../errors';
import { bookingsAhead, cancelShare, minutesAhead, windowAhead, type Window } from './booking-plan';

/** Every simulated booking carries this client key: the per-device limit is the staff desk's (none). */
export const simulatorClientKey = 'demo-simulator';

export interface BookingStats {
	booked: number;
	checkedIn: number;
	cancelled: number;
	/** windows full, not released yet or outside the hours: the citizen came as a walk-in instead */
	bookingRefused: number;
}

const actor = { userId: null, deviceId: null };

export class SimulatedBookers {
	readonly stats: BookingStats = { booked: 0, checkedIn: 0, cancelled: 0, bookingRefused: 0 };

	constructor(
		private readonly sql: Sql,
		private readonly random: Random,
		private readonly share: number,
		private readonly onError: (error: unknown) => void
	) {}

	/** Books ahead for the arrivals expected in one tick; `services` weighs the services still open. */
	async bookAhead(mpp: Mpp, expectedArrivals: number, services: Record<string, number>): Promise<void> {
		if (!this.share || !Object.keys(services).length) return;
		const count = bookingsAhead(this.random, expectedArrivals, this.share);
		for (let i = 0; i < count; i++) {
			const serviceId = pickWeighted(this.random, services);
			await this.book(mpp, serviceId, windowAhead(new Date(), mpp.timezone, minutesAhead(this.random)));
			if (this.random() < cancelShare) await this.cancelOne(mpp);
		}
	}

	/**
	 * A citizen who booked arrives at the kiosk: checks in a booking due now, or books the next window
	 * and checks in at once. False when there was no window to be had: the citizen is a walk-in then.
	 */
	async arrive(mpp: Mpp, services: Record<string, number>): Promise<boolean> {
		const [due] = await listDueSimulatedBookings(this.sql, mpp.id, simulatorClientKey, new Date(), 1);
		let code: string | undefined = due;
		if (!code && Object.keys(services).length) {
			const serviceId = pickWeighted(this.random, services);
			code = await this.book(mpp, serviceId, windowAhead(new Date(), mpp.timezone, 1));
		}
		if (!code) return false;
		try {
			const checked = await checkIn(this.sql, { code, mppId: mpp.id, actor });
			if (checked.late) return false;
			this.stats.checkedIn++;
			return true;
		} catch (error) {
			// a person checked it in or cancelled it meanwhile (the demo's booking page is open to all)
			if (!(error instanceof AppError && error.status === 409)) this.onError(error);
			return false;
		}
	}

	private async book(mpp: Mpp, serviceId: string, window: Window): Promise<string | undefined> {
		try {
			const { booking } = await book(this.sql, {
				mpp,
				serviceId,
				date: window.date,
				time: window.time,
				name: 'Warga (simulasi)',
				phone: null,
				clientKey: simulatorClientKey,
				byStaff: true
			});
			this.stats.booked++;
			return booking.code;
		} catch (error) {
			if (error instanceof BookingRefusal) this.stats.bookingRefused++;
			else this.onError(error);
			return undefined;
		}
	}

	private async cancelOne(mpp: Mpp): Promise<void> {
		const code = await findLaterSimulatedBooking(this.sql, mpp.id, simulatorClientKey, new Date());
		if (!code) return;
		try {
			await cancelBooking(this.sql, code);
			this.stats.cancelled++;
		} catch (error) {
			if (!(error instanceof AppError && error.status === 409)) this.onError(error);
		}
	}
}
