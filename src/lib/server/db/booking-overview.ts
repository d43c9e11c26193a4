// What the manager's bookings tab reads (issue 12): an MPP's bookable services with their counters
// and the day's ledger, and its bookings of one local day counted per service, window and status.
// Counts only: no names or phone numbers leave this module.
import type { BookingStatus } from './bookings';
import type { Db } from './client';
import { serviceColumnsOfS, type Service } from './services';

export interface BookableService extends Service {
	tenantName: string;
	/** active counters serving it: a window's places follow from them */
	counters: number;
	/** numbers taken that day (walk-ins and checked-in bookings) */
	lastSeq: number;
	/** bookings still open that day, counted against the same quota */
	openBooked: number;
}

/** Active services of an MPP that take bookings, with their counters and the ledger row of `localDate`. */
export async function listBookableServices(
	db: Db,
	mppId: string,
	localDate: string
): Promise<BookableService[]> {
	return db<BookableService[]>`
		SELECT ${serviceColumnsOfS(db)}, t.name AS "tenantName",
			(SELECT count(*)::int FROM counter_services cs JOIN counters c ON c.id = cs.counter_id
				WHERE cs.service_id = s.id AND c.active) AS counters,
			coalesce(l.last_seq, 0) AS "lastSeq", coalesce(l.booked, 0) AS "openBooked"
		FROM services s JOIN tenants t ON t.id = s.tenant_id
			LEFT JOIN ticket_daily_counters l ON l.service_id = s.id AND l.local_date = ${localDate}
		WHERE s.mpp_id = ${mppId} AND s.active AND s.booking_share > 0
		ORDER BY t.name, s.prefix`;
}

export interface WindowCount {
	serviceId: string;
	slotStart: Date;
	status: BookingStatus;
	n: number;
}

/** An MPP's bookings of one local day, counted per service, window and status. */
export async function countBookingsByWindow(
	db: Db,
	mppId: string,
	localDate: string
): Promise<WindowCount[]> {
	return db<WindowCount[]>`
		SELECT service_id AS "serviceId", slot_start AS "slotStart", status, count(*)::int AS n
		FROM bookings WHERE mpp_id = ${mppId} AND local_date = ${localDate}
		GROUP BY service_id, slot_start, status`;
}
