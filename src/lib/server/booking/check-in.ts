// Check-in (issue 12): at the kiosk (code typed or scanned) or on the citizen's phone, within the MPP's
// window around the slot (default 30 min before to 15 min after). The booking becomes a ticket through
// the queue engine, in one queueTransaction, so its issue event leaves with the commit like any other.
//
// The ticket queues from the slot's start, not from the moment of check-in: callNext orders by arrival
// (queued_at), so walk-ins who came after the slot started are called after it and those who came
// before it keep their place (Batam, DOMAIN §8). How many booked tickets get ahead is bounded twice: by
// the booking share of each window's throughput (calendar.ts), and by the MPP's booking_ratio, the
// most booked calls in a row one counter makes while walk-ins wait (queue/call-next.ts).
// Too late → an ordinary walk-in ticket from now on, and the booking is marked late_walk_in.
import { checkIssueTime, issueHours } from '../../domain/issue-rules';
import { formatClock, localTime, zoneLabel } from '../../domain/local-day';
import type { Sql } from '../db/client';
import { adoptSignedBooking, lockBookingByCode, updateBooking } from '../db/bookings';
import { findMppById } from '../db/mpps';
import { carryPushSubscriptions } from '../db/push';
import { carryWhatsAppContacts } from '../db/whatsapp';
import { nextDailySeqForBooking } from '../db/queue-events';
import { findService } from '../db/services';
import { conflict, notFound } from '../errors';
import type { IdempotencyClaim } from '../idempotency';
import { createTicket } from '../queue/create-ticket';
import { queueTransaction } from '../queue/record';
import type { IssuedTicket, QueueActor } from '../queue/types';
import { normalizeBookingCode } from './code';
import { isSignedBookingText, verifiedQrBooking } from './signed-qr';
import { viewOf } from './manage';
import type { BookingView } from './view';

export interface CheckInInput {
	code: string;
	/** a kiosk checks in only its own MPP's bookings */
	mppId?: string;
	actor: QueueActor;
	idempotency?: IdempotencyClaim | null;
	now?: Date;
}

export interface CheckedIn extends IssuedTicket {
	booking: BookingView;
	/** true when the citizen came after the window and got a walk-in ticket */
	late: boolean;
}

const unknown = () => notFound('Kode pemesanan tidak ditemukan.', 'booking_not_found');

export async function checkIn(sql: Sql, input: CheckInInput): Promise<CheckedIn> {
	const now = input.now ?? new Date();
	// a scanned QR carries the booking signed by the centre; a typed code is looked up
	const signed = isSignedBookingText(input.code) ? await verifiedQrBooking(sql, input.code) : null;
	const code = signed ? signed.code : normalizeBookingCode(input.code);
	if (!code) throw unknown();
	const { value, outcome } = await queueTransaction({ sql, idempotency: input.idempotency }, async (tx) => {
		let booking = await lockBookingByCode(tx, code);
		if (!booking && signed && (!input.mppId || signed.mppId === input.mppId)) {
			// an edge that never received it (booked after the link dropped): the centre's signature vouches
			await adoptSignedBooking(tx, signed);
			booking = await lockBookingByCode(tx, code);
		}
		if (!booking || (input.mppId && booking.mppId !== input.mppId)) throw unknown();
		if (booking.status === 'checked_in' || booking.status === 'late_walk_in') {
			throw conflict('Pemesanan ini sudah check-in; lihat nomor antrean Anda.', 'already_checked_in');
		}
		if (booking.status !== 'booked') {
			throw conflict(
				booking.status === 'cancelled'
					? 'Pemesanan ini sudah dibatalkan.'
					: 'Pemesanan ini sudah kedaluwarsa.',
				'booking_closed'
			);
		}
		const [mpp, service] = await Promise.all([
			findMppById(tx, booking.mppId),
			findService(tx, booking.serviceId)
		]);
		if (!mpp || !service) throw unknown();
		const from = new Date(booking.slotStart.getTime() - mpp.checkinBeforeMinutes * 60_000);
		const until = new Date(booking.slotStart.getTime() + mpp.checkinAfterMinutes * 60_000);
		const zone = zoneLabel(mpp.timezone);
		const local = localTime(now, mpp.timezone);
		if (now < from) {
			const day = localTime(from, mpp.timezone);
			const onDay = day.date === local.date ? '' : ` tanggal ${day.date}`;
			throw conflict(
				`Check-in belum dibuka. Silakan check-in mulai pukul ${formatClock(day.minutes)} ${zone}${onDay}.`,
				'too_early'
			);
		}
		const late = now > until;
		if (late) {
			// a walk-in from now on: it must still be a time a ticket may be issued
			const refusal = checkIssueTime({
				openingHours: issueHours(mpp),
				at: local,
				cutoffMinutes: service.cutoffMinutes,
				zoneLabel: zone
			});
			if (refusal || booking.localDate !== local.date) {
				throw conflict(
					refusal?.message ?? 'Pemesanan ini sudah kedaluwarsa.',
					refusal?.code ?? 'booking_closed'
				);
			}
		}
		// the booked place turns into this ticket's number: the day's total on the ledger is unchanged
		const seq = await nextDailySeqForBooking(tx, service.id, booking.localDate);
		const issued = await createTicket(tx, {
			mpp,
			service,
			localDate: booking.localDate,
			seq,
			priorityGroup: null,
			source: late ? 'kiosk' : 'booking',
			actor: input.actor,
			now,
			queuedAt: late ? now : booking.slotStart,
			bookedSlotStart: late ? null : booking.slotStart,
			data: { bookingCode: booking.code, late }
		});
		const [updated] = await Promise.all([
			updateBooking(tx, booking.id, {
				status: late ? 'late_walk_in' : 'checked_in',
				checked_in_at: now,
				ticket_id: issued.value.ticket.id
			}),
			// the browsers that asked for a reminder, and the numbers that named the booking on WhatsApp,
			// now follow the ticket: "near" and "called" come unasked
			carryPushSubscriptions(tx, booking.id, issued.value.ticket.id),
			carryWhatsAppContacts(tx, booking.id, issued.value.ticket.id)
		]);
		const view = await viewOf(tx, updated);
		return { value: { ...issued.value, booking: view, late }, draft: issued.draft };
	});
	return { ...value, outcome };
}
