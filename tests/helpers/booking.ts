// Small helpers for booking tests: a fixed "now" in the MPP's zone and a booking call with defaults.
import { book } from '../../src/lib/server/booking/book';
import type { Sql } from '../../src/lib/server/db/client';
import { findMppById } from '../../src/lib/server/db/mpps';

/** A wall-clock time in Jakarta (UTC+7), the first fixture MPP's zone. */
export const wib = (date: string, clock: string) => new Date(`${date}T${clock}:00+07:00`);

let clients = 0;

export async function bookFor(
	sql: Sql,
	mppId: string,
	b: { serviceId: string; date: string; time: string; now: Date; phone?: string | null; clientKey?: string }
) {
	const mpp = (await findMppById(sql, mppId))!;
	return book(sql, {
		mpp,
		serviceId: b.serviceId,
		date: b.date,
		time: b.time,
		name: 'Warga Uji',
		phone: b.phone ?? null,
		clientKey: b.clientKey ?? `client-${++clients}`,
		now: b.now
	});
}

export async function setBookingRules(
	sql: Sql,
	serviceId: string,
	rules: {
		dailyQuota?: number | null;
		bookingShare?: number;
		expectedServiceMinutes?: number;
		horizonDays?: number;
		priorityReserveShare?: number;
	}
) {
	await sql`
		UPDATE services SET
			daily_quota = ${rules.dailyQuota === undefined ? sql`daily_quota` : rules.dailyQuota},
			booking_share = ${rules.bookingShare ?? sql`booking_share`},
			expected_service_minutes = ${rules.expectedServiceMinutes ?? sql`expected_service_minutes`},
			booking_horizon_days = ${rules.horizonDays ?? sql`booking_horizon_days`},
			priority_reserve_share = ${rules.priorityReserveShare ?? sql`priority_reserve_share`}
		WHERE id = ${serviceId}`;
}
