// Booking a window (issue 12). One transaction under the service-day's ledger row lock, the same lock
// walk-in numbering takes (queue/issue.ts), so the day's quota is shared exactly: a booking counts
// against it from the moment it is made, a walk-in from the moment its number is taken, and neither
// can pass it whichever comes first. The window's places are counted under that lock too, so 2,000
// people pressing at once for 100 places get 100 bookings.
import { regularQuota, zonedInstant } from '../../domain/booking-slots';
import { localDate, parseClock } from '../../domain/local-day';
import { maxTicketSeq } from '../../domain/numbering';
import type { Sql, Tx } from '../db/client';
import {
	addBooked,
	countClientBookings,
	countPhoneBookings,
	countServiceCounters,
	countSlotTaken,
	insertBooking,
	lockLedger,
	readLedger
} from '../db/bookings';
import { findClosedDay } from '../db/closed-days';
import type { Mpp } from '../db/mpps';
import { findService, type Service } from '../db/services';
import { notFound } from '../errors';
import type { IdempotencyClaim } from '../idempotency';
import { uuidv7 } from '../ids';
import { queueTransaction } from '../queue/record';
import { BookingRefusal, checkDay, checkSlot, planFrom } from './calendar';
import { generateBookingCode } from './code';
import { maxBookingsPerClientPerDay, maxBookingsPerPhonePerDay } from './limits';
import { toBookingView, type BookingView } from './view';

export interface BookInput {
	mpp: Mpp;
	serviceId: string;
	/** MPP-local 'YYYY-MM-DD' */
	date: string;
	/** MPP-local 'HH:MM' of the window's start */
	time: string;
	name: string;
	/** '+62…', only with consent */
	phone: string | null;
	clientKey: string;
	/**
	 * Staff of the MPP booking for residents without a smartphone (Bogor's "Prima Antri", DOMAIN §8):
	 * one desk books for many people, so the per-client limit does not apply; the per-phone one does.
	 */
	byStaff?: boolean;
	idempotency?: IdempotencyClaim | null;
	now?: Date;
}

export async function requireBookableService(db: Sql | Tx, mpp: Mpp, serviceId: string): Promise<Service> {
	const service = await findService(db, serviceId);
	if (!service || service.mppId !== mpp.id || !service.active)
		throw notFound('Layanan tidak ditemukan.', 'service_not_found');
	return service;
}

export async function book(sql: Sql, input: BookInput): Promise<{ booking: BookingView; outcome: null }> {
	const now = input.now ?? new Date();
	const { mpp } = input;
	const { value } = await queueTransaction({ sql, idempotency: input.idempotency }, async (tx) => {
		// One round trip for everything read before the lock. When these unlocked reads already show the
		// window or the day full, the attempt is refused without queueing for the ledger row: in a storm
		// most attempts come after the places are gone, and they must not hold up the ones before them.
		if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(input.time) || !/^\d{4}-\d{2}-\d{2}$/.test(input.date)) {
			throw new BookingRefusal('outside_hours', 'Tanggal atau jam tidak dikenali.');
		}
		const slotStart = zonedInstant(input.date, parseClock(input.time), mpp.timezone);
		const [service, closed, counters, seen, seenTaken] = await Promise.all([
			requireBookableService(tx, mpp, input.serviceId),
			findClosedDay(tx, mpp.id, input.date),
			countServiceCounters(tx, input.serviceId),
			readLedger(tx, input.serviceId, input.date),
			countSlotTaken(tx, input.serviceId, input.date, slotStart)
		]);
		checkDay(mpp, service, input.date, now);
		const plan = planFrom(mpp, service, input.date, { closed: Boolean(closed), counters });
		const slot = checkSlot(mpp, plan, input.time, now);
		const quota = Math.min(
			service.dailyQuota === null
				? maxTicketSeq
				: regularQuota(service.dailyQuota, service.priorityReserveShare),
			maxTicketSeq
		);
		const refuseIfFull = (taken: number, ledger: { lastSeq: number; booked: number }) => {
			if (taken >= slot.capacity) throw new BookingRefusal('slot_full', `Jam ${input.time} sudah penuh.`);
			if (ledger.lastSeq + ledger.booked + 1 > quota) {
				throw new BookingRefusal(
					'slot_full',
					`Kuota layanan ${service.name} pada hari tersebut sudah habis.`
				);
			}
		};
		refuseIfFull(seenTaken, seen);

		// Under the ledger row lock, pipelined: PostgreSQL runs them in this order, so the counts are read
		// once the lock is held. Same-client and same-phone requests for other services also take turns
		// (advisory locks, always after a ledger row, so two requests never wait for each other's ledger).
		const today = localDate(now, mpp.timezone);
		const [ledger, , , taken, byPhone, byClient] = await Promise.all([
			lockLedger(tx, service.id, input.date),
			tx`SELECT pg_advisory_xact_lock(hashtext(${'booking-client:' + input.clientKey}))`,
			input.phone ? tx`SELECT pg_advisory_xact_lock(hashtext(${'booking-phone:' + input.phone}))` : null,
			countSlotTaken(tx, service.id, input.date, slot.start),
			input.phone ? countPhoneBookings(tx, mpp.id, input.phone, input.date) : 0,
			countClientBookings(tx, input.clientKey, zonedInstant(today, 0, mpp.timezone))
		]);
		refuseIfFull(taken, ledger);
		if (byPhone >= maxBookingsPerPhonePerDay) {
			throw new BookingRefusal(
				'limit_reached',
				`Nomor telepon ini sudah memesan ${maxBookingsPerPhonePerDay} kali untuk hari tersebut.`
			);
		}
		if (!input.byStaff && byClient >= maxBookingsPerClientPerDay) {
			throw new BookingRefusal(
				'limit_reached',
				`Batas ${maxBookingsPerClientPerDay} pemesanan per hari dari perangkat ini sudah tercapai.`
			);
		}
		const [booking] = await Promise.all([
			insertBooking(tx, {
				id: uuidv7(),
				mppId: mpp.id,
				serviceId: service.id,
				localDate: input.date,
				slotStart: slot.start,
				code: generateBookingCode(),
				name: input.name,
				phone: input.phone,
				phoneConsentAt: input.phone ? now : null,
				clientKey: input.clientKey,
				createdAt: now
			}),
			addBooked(tx, service.id, input.date, 1)
		]);
		return { value: { booking: toBookingView(booking, mpp, service) }, draft: null };
	});
	return { ...value, outcome: null };
}
