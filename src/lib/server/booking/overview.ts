// The manager's view of bookings (issue 12): for one local day, per bookable service and 15-minute
// window, the places (the same planFrom the citizen's slot list uses) against what became of them:
// still booked, checked in, late walk-in, no-show, cancelled. With the day's quota ledger beside it,
// so a manager sees how walk-ins and bookings share the day.
import { addDays } from '../../domain/booking-slots';
import { formatClock, localDate, localTime, zoneLabel } from '../../domain/local-day';
import type { Sql } from '../db/client';
import { countBookingsByWindow, listBookableServices } from '../db/booking-overview';
import type { BookingStatus } from '../db/bookings';
import { findClosedDay } from '../db/closed-days';
import type { Mpp } from '../db/mpps';
import { planFrom } from './calendar';

export type WindowCounts = Record<BookingStatus, number>;

export interface WindowRow extends WindowCounts {
	/** local 'HH:MM' */
	time: string;
	start: string;
	capacity: number;
}

export interface ServiceBookings {
	id: string;
	name: string;
	tenantName: string;
	/** the day's quota for everyone, null when unlimited */
	dailyQuota: number | null;
	/** numbers taken that day: walk-ins and checked-in bookings */
	numbersTaken: number;
	/** windows with places or bookings, in time order */
	windows: WindowRow[];
	totals: WindowCounts & { capacity: number };
}

export interface BookingOverview {
	date: string;
	today: string;
	zone: string;
	/** the days a manager may pick: two weeks back to the longest horizon ahead */
	days: string[];
	closed: boolean;
	services: ServiceBookings[];
}

/** Days back a manager can look at: what happened to last week's bookings. */
export const overviewDaysBack = 14;

const noCounts = (): WindowCounts => ({
	booked: 0,
	cancelled: 0,
	checked_in: 0,
	no_show: 0,
	late_walk_in: 0
});

/** The pickable days for an MPP at `now`; a date outside them is refused by the route. */
export function overviewDays(today: string, horizonDays: number): string[] {
	return Array.from({ length: overviewDaysBack + horizonDays + 1 }, (_, i) =>
		addDays(today, i - overviewDaysBack)
	);
}

/** The overview of `day` (MPP-local; null = today). The caller checks the day is one of `days`. */
export async function bookingOverview(
	sql: Sql,
	mpp: Mpp,
	day: string | null,
	now = new Date()
): Promise<BookingOverview> {
	const today = localDate(now, mpp.timezone);
	const date = day ?? today;
	const [services, counts, closedDay] = await Promise.all([
		listBookableServices(sql, mpp.id, date),
		countBookingsByWindow(sql, mpp.id, date),
		findClosedDay(sql, mpp.id, date)
	]);
	const horizon = Math.max(14, ...services.map((s) => s.bookingHorizonDays));
	const closed = Boolean(closedDay) && !mpp.ticketsAnyHour;
	return {
		date,
		today,
		zone: zoneLabel(mpp.timezone),
		days: overviewDays(today, horizon),
		closed,
		services: services.map((service) => {
			const windows = new Map<number, WindowRow>();
			for (const slot of planFrom(mpp, service, date, { closed, counters: service.counters })) {
				const row = { time: slot.time, start: slot.start.toISOString(), capacity: slot.capacity };
				windows.set(slot.start.getTime(), { ...row, ...noCounts() });
			}
			for (const c of counts) {
				if (c.serviceId !== service.id) continue;
				// a booking whose window the hours no longer have (changed after it was made) still counts
				const key = c.slotStart.getTime();
				const row = windows.get(key) ?? {
					time: formatClock(localTime(c.slotStart, mpp.timezone).minutes),
					start: c.slotStart.toISOString(),
					capacity: 0,
					...noCounts()
				};
				row[c.status] += c.n;
				windows.set(key, row);
			}
			const rows = [...windows.entries()]
				.sort(([a], [b]) => a - b)
				.map(([, row]) => row)
				.filter((row) => row.capacity > 0 || statuses.some((s) => row[s] > 0));
			const totals = { capacity: 0, ...noCounts() };
			for (const row of rows) {
				totals.capacity += row.capacity;
				for (const s of statuses) totals[s] += row[s];
			}
			return {
				id: service.id,
				name: service.name,
				tenantName: service.tenantName,
				dailyQuota: service.dailyQuota,
				numbersTaken: service.lastSeq,
				windows: rows,
				totals
			};
		})
	};
}

const statuses = Object.keys(noCounts()) as BookingStatus[];
