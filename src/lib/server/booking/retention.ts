// Phone numbers are personal data (UU 27/2022, DOMAIN §8): kept only for reminders, so they are
// deleted a fixed time after the visit. Dates are compared as calendar days; a day or so of zone
// difference does not matter at this distance.
import { addDays } from '../../domain/booking-slots';
import type { Sql } from '../db/client';
import { forgetPhones } from '../db/bookings';

export const phoneRetentionDays = 30;

export async function forgetOldPhones(sql: Sql, now = new Date()): Promise<number> {
	return forgetPhones(sql, addDays(now.toISOString().slice(0, 10), -phoneRetentionDays));
}
