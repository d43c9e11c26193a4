// Booking a window (issue 12). One transaction under the service-day's ledger row lock, the same lock
// walk-in numbering takes (queue/issue.ts), so the day's quota is shared exactly: a booking counts
// against it from the moment it is made, a walk-in from the moment its number is taken, and neither
// can pass it whichever comes first. The window's places are counted under that lock too, so 2,000
// people pressing at once for 100 places get 100 bookings.
import { regularQuota } from '../../domain/booking-slots';
import { localDate } from '../../domain/local-day';
import { maxTicketSeq } from '../../domain/numbering';
import type { Sql, Tx } from '../db/client';
import {
	addBooked,
	countClientBookings,
	countPhoneBookings,
	countSlotTaken,
	insertBooking,
	lockLedger,
	type Booking
} from '../db/bookings';
import type { Mpp } from '../db/mpps';
import { findService, type Service } from '../db/services';
import { notFound } from '../errors';
import type { IdempotencyClaim } from '../idempotency';
import { uuidv7 } from '../ids';
import { queueTransaction } from '../queue/record';
import { zonedInstant } from '../../domain/booking-slots';
import { BookingRefusal, checkDay, checkSlot, planDay } from './calendar';
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
		const service = await requireBookableService(tx, mpp, input.serviceId);
		checkDay(mpp, service, input.date, now);
		const slot = checkSlot(mpp, await planDay(tx, mpp, service, input.date), input.time, now);

		const ledger = await lockLedger(tx, service.id, input.date);
		// same-client and same-phone requests for other services take these in turn (always after a ledger
		// row, so two of them never wait for each other's ledger)
		await tx`SELECT pg_advisory_xact_lock(hashtext(${'booking-client:' + input.clientKey}))`;
		if (input.phone) await tx`SELECT pg_advisory_xact_lock(hashtext(${'booking-phone:' + input.phone}))`;
		const today = localDate(now, mpp.timezone);
		const [taken, byPhone, byClient] = await Promise.all([
			countSlotTaken(tx, service.id, input.date, slot.start),
			input.phone ? countPhoneBookings(tx, mpp.id, input.phone, input.date) : 0,
			countClientBookings(tx, input.clientKey, zonedInstant(today, 0, mpp.timezone))
		]);
		if (taken >= slot.capacity) throw new BookingRefusal('slot_full', `Jam ${input.time} sudah penuh.`);
		const dayTotal = ledger.lastSeq + ledger.booked + 1;
		const quota =
			service.dailyQuota === null
				? maxTicketSeq
				: regularQuota(service.dailyQuota, service.priorityReserveShare);
		if (dayTotal > Math.min(quota, maxTicketSeq)) {
			throw new BookingRefusal('slot_full', `Kuota layanan ${service.name} pada hari tersebut sudah habis.`);
		}
		if (byPhone >= maxBookingsPerPhonePerDay) {
			throw new BookingRefusal(
				'limit_reached',
				`Nomor telepon ini sudah memesan ${maxBookingsPerPhonePerDay} kali untuk hari tersebut.`
			);
		}
		if (byClient >= maxBookingsPerClientPerDay) {
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
		return { value: { booking: toBookingView(booking as Booking, mpp, service) }, draft: null };
	});
	return { ...value, outcome: null };
}
