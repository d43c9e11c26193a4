// What the public booking page offers: agencies with the services that can be booked (a share above
// 0), and the days of the service's horizon, as MPP-local dates.
import { addDays } from '../../domain/booking-slots';
import { localDate } from '../../domain/local-day';
import type { Sql } from '../db/client';
import type { Mpp } from '../db/mpps';
import { listServicesWithWaiting, type Service } from '../db/services';

export interface BookingTenant {
	id: string;
	name: string;
	services: { id: string; name: string; horizonDays: number }[];
}

export async function bookingMenu(sql: Sql, mpp: Mpp): Promise<BookingTenant[]> {
	const services = (await listServicesWithWaiting(sql, mpp.id)).filter((s) => s.bookingShare > 0);
	const tenants = new Map<string, BookingTenant>();
	for (const s of services) {
		const tenant = tenants.get(s.tenantId) ?? { id: s.tenantId, name: s.tenantName, services: [] };
		tenant.services.push({ id: s.id, name: s.name, horizonDays: s.bookingHorizonDays });
		tenants.set(s.tenantId, tenant);
	}
	return [...tenants.values()];
}

/** Today and the days up to the service's horizon, MPP-local. */
export function bookingDays(
	mpp: Mpp,
	service: Pick<Service, 'bookingHorizonDays'>,
	now = new Date()
): string[] {
	const today = localDate(now, mpp.timezone);
	return Array.from({ length: service.bookingHorizonDays + 1 }, (_, i) => addDays(today, i));
}
