// Which windows of a service-day exist, how many places each has, and whether one may be booked at
// an instant (issue 12): the rolling horizon, the release spread over the release hour, opening
// hours and closed days. Everything here is read without locks; book.ts re-checks places under the
// ledger lock.
import {
	addDays,
	daySlots,
	daysBetween,
	releaseMinute,
	slotCapacity,
	weekdayOf,
	zonedInstant
} from '../../domain/booking-slots';
import { issueHours } from '../../domain/issue-rules';
import { formatClock, localDate, zoneLabel } from '../../domain/local-day';
import type { Db } from '../db/client';
import { countServiceCounters } from '../db/bookings';
import { findClosedDay } from '../db/closed-days';
import type { Mpp } from '../db/mpps';
import type { Service } from '../db/services';
import { AppError } from '../errors';

export interface SlotPlan {
	start: Date;
	/** local 'HH:MM' */
	time: string;
	opensAt: Date;
	capacity: number;
}

export type BookingRefusalCode =
	| 'slot_full'
	| 'not_open_yet'
	| 'beyond_horizon'
	| 'date_passed'
	| 'closed_day'
	| 'outside_hours'
	| 'slot_passed'
	| 'limit_reached';

/** A booking refused for a reason the citizen can act on; `opensAt` says when a not-yet-open slot opens. */
export class BookingRefusal extends AppError {
	constructor(
		code: BookingRefusalCode,
		message: string,
		readonly opensAt?: Date
	) {
		super(409, code, message);
		if (opensAt) this.details = { opensAt: opensAt.toISOString() };
	}
}

/** The windows of one service-day with their places and release instants; [] when closed. */
export async function planDay(db: Db, mpp: Mpp, service: Service, date: string): Promise<SlotPlan[]> {
	const [closed, counters] = await Promise.all([
		findClosedDay(db, mpp.id, date),
		countServiceCounters(db, service.id)
	]);
	return planFrom(mpp, service, date, { closed: Boolean(closed), counters });
}

/** planDay for a caller that has read the closed day and the counters itself (book.ts pipelines them). */
export function planFrom(
	mpp: Mpp,
	service: Service,
	date: string,
	day: { closed: boolean; counters: number }
): SlotPlan[] {
	// an MPP that issues tickets at any hour (the demo's) also has windows at any hour, closed days too
	if (day.closed && !mpp.ticketsAnyHour) return [];
	const starts = daySlots(issueHours(mpp), weekdayOf(date));
	const capacity = slotCapacity(day.counters, service.expectedServiceMinutes, service.bookingShare);
	const releaseDay = addDays(date, -service.bookingHorizonDays);
	return starts.map((minute, i) => ({
		start: zonedInstant(date, minute, mpp.timezone),
		time: formatClock(minute),
		opensAt: zonedInstant(
			releaseDay,
			releaseMinute(i, starts.length, service.bookingReleaseHour),
			mpp.timezone
		),
		capacity
	}));
}

/** Refuses a day outside the horizon (before any windows are planned). */
export function checkDay(mpp: Mpp, service: Service, date: string, now: Date): void {
	const ahead = daysBetween(localDate(now, mpp.timezone), date);
	if (ahead < 0) throw new BookingRefusal('date_passed', 'Tanggal tersebut sudah lewat.');
	if (ahead > service.bookingHorizonDays) {
		throw new BookingRefusal(
			'beyond_horizon',
			`Pemesanan hanya dibuka paling lama ${service.bookingHorizonDays} hari ke depan.`
		);
	}
}

/** The window starting at local `time` of a planned day, or the refusal that says why it cannot be booked. */
export function checkSlot(mpp: Mpp, plan: SlotPlan[], time: string, now: Date): SlotPlan {
	if (plan.length === 0) throw new BookingRefusal('closed_day', 'Layanan tutup pada hari tersebut.');
	const slot = plan.find((s) => s.time === time);
	if (!slot) {
		throw new BookingRefusal(
			'outside_hours',
			`Jam ${time} bukan jadwal pemesanan; pilih salah satu jam yang tersedia.`
		);
	}
	if (slot.start <= now) throw new BookingRefusal('slot_passed', `Jam ${time} sudah lewat.`);
	if (slot.opensAt > now) {
		const zone = zoneLabel(mpp.timezone);
		const when = new Intl.DateTimeFormat('id-ID', {
			timeZone: mpp.timezone,
			day: 'numeric',
			month: 'long',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		}).format(slot.opensAt);
		throw new BookingRefusal(
			'not_open_yet',
			`Jam ${time} belum dibuka untuk pemesanan. Dibuka ${when} ${zone}.`,
			slot.opensAt
		);
	}
	if (slot.capacity === 0) throw new BookingRefusal('slot_full', `Jam ${time} sudah penuh.`);
	return slot;
}
