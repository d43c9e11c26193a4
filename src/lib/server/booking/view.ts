// What a booking looks like to the citizen holding its code (and to other systems through the API).
// The phone number is never shown back in full (UU 27/2022).
import { slotMinutes } from '../../domain/booking-slots';
import { localTime, formatClock, zoneLabel } from '../../domain/local-day';
import type { Booking, BookingStatus } from '../db/bookings';
import type { Mpp } from '../db/mpps';

export interface BookingView {
	code: string;
	status: BookingStatus;
	mpp: { slug: string; name: string; timezone: string };
	service: { id: string; name: string };
	/** MPP-local date and 'HH:MM', with the zone label (WIB, WITA, WIT) */
	date: string;
	time: string;
	zone: string;
	slotStart: string;
	slotEnd: string;
	name: string;
	/** '+62••••••789' */
	phone: string | null;
	checkInFrom: string;
	checkInUntil: string;
	createdAt: string;
	/** the ticket a checked-in booking became: its number and tracking code */
	ticket: { number: string; trackCode: string } | null;
}

export function maskPhone(phone: string): string {
	return `${phone.slice(0, 3)}${'•'.repeat(Math.max(phone.length - 6, 0))}${phone.slice(-3)}`;
}

export function toBookingView(
	b: Booking,
	mpp: Pick<Mpp, 'slug' | 'name' | 'timezone' | 'checkinBeforeMinutes' | 'checkinAfterMinutes'>,
	service: { id: string; name: string },
	ticket: { number: string; trackCode: string } | null = null
): BookingView {
	const start = b.slotStart.getTime();
	return {
		code: b.code,
		status: b.status,
		mpp: { slug: mpp.slug, name: mpp.name, timezone: mpp.timezone },
		service: { id: service.id, name: service.name },
		date: b.localDate,
		time: formatClock(localTime(b.slotStart, mpp.timezone).minutes),
		zone: zoneLabel(mpp.timezone),
		slotStart: b.slotStart.toISOString(),
		slotEnd: new Date(start + slotMinutes * 60_000).toISOString(),
		name: b.name,
		phone: b.phone ? maskPhone(b.phone) : null,
		checkInFrom: new Date(start - mpp.checkinBeforeMinutes * 60_000).toISOString(),
		checkInUntil: new Date(start + mpp.checkinAfterMinutes * 60_000).toISOString(),
		createdAt: b.createdAt.toISOString(),
		ticket
	};
}
