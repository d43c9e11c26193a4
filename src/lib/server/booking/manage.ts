// Reading and cancelling a booking by its code. Cancelling gives the place back to the window and to
// the day's quota in the same transaction, so the next person can book it at once (Bantul, DOMAIN §8).
import type { Db, Sql } from '../db/client';
import { addBooked, findBookingByCode, lockBookingByCode, updateBooking, type Booking } from '../db/bookings';
import { findMppById } from '../db/mpps';
import { findService } from '../db/services';
import { findTicketRecord } from '../db/tickets';
import { conflict, notFound } from '../errors';
import { normalizeBookingCode } from './code';
import { toBookingView, type BookingView } from './view';

const unknown = () => notFound('Kode pemesanan tidak ditemukan.', 'booking_not_found');

export async function viewOf(db: Db, booking: Booking): Promise<BookingView> {
	const [mpp, service, ticket] = await Promise.all([
		findMppById(db, booking.mppId),
		findService(db, booking.serviceId),
		booking.ticketId ? findTicketRecord(db, booking.ticketId) : undefined
	]);
	return toBookingView(
		booking,
		mpp!,
		service!,
		ticket ? { number: ticket.number, trackCode: ticket.trackCode } : null
	);
}

export async function getBooking(sql: Sql, rawCode: string): Promise<BookingView> {
	const code = normalizeBookingCode(rawCode);
	const booking = code ? await findBookingByCode(sql, code) : undefined;
	if (!booking) throw unknown();
	return viewOf(sql, booking);
}

export async function cancelBooking(sql: Sql, rawCode: string, now = new Date()): Promise<BookingView> {
	const code = normalizeBookingCode(rawCode);
	if (!code) throw unknown();
	return sql.begin(async (tx) => {
		const booking = await lockBookingByCode(tx, code);
		if (!booking) throw unknown();
		if (booking.status === 'cancelled') return viewOf(tx, booking);
		if (booking.status !== 'booked') {
			throw conflict(
				'Pemesanan ini sudah dipakai atau kedaluwarsa dan tidak dapat dibatalkan.',
				'booking_closed'
			);
		}
		const [cancelled] = await Promise.all([
			updateBooking(tx, booking.id, { status: 'cancelled', cancelled_at: now }),
			addBooked(tx, booking.serviceId, booking.localDate, -1)
		]);
		return viewOf(tx, cancelled);
	});
}
