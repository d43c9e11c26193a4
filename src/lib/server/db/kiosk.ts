// Reads the kiosk and the citizen's tracking page need beyond the queue engine's own.
import type { Db } from './client';

/**
 * Tickets issued today per service of an MPP: the daily counter's last number, which only moves
 * when an issue commits (a refused issue rolls its increment back).
 */
export async function issuedTodayPerService(
	db: Db,
	mppId: string,
	localDate: string
): Promise<Record<string, number>> {
	const rows = await db<{ serviceId: string; issued: number }[]>`
		SELECT dc.service_id AS "serviceId", dc.last_seq AS issued
		FROM ticket_daily_counters dc JOIN services s ON s.id = dc.service_id
		WHERE s.mpp_id = ${mppId} AND dc.local_date = ${localDate}`;
	return Object.fromEntries(rows.map((r) => [r.serviceId, r.issued]));
}

/** The names around a ticket's service, for the slip and the tracking page. */
export interface ServicePlace {
	tenantName: string;
	mppSlug: string;
	mppName: string;
	mppCity: string;
	timezone: string;
}

export async function findServicePlace(db: Db, serviceId: string): Promise<ServicePlace | undefined> {
	const [row] = await db<ServicePlace[]>`
		SELECT t.name AS "tenantName", m.slug AS "mppSlug", m.name AS "mppName", m.city AS "mppCity", m.timezone
		FROM services s JOIN tenants t ON t.id = s.tenant_id JOIN mpps m ON m.id = s.mpp_id
		WHERE s.id = ${serviceId}`;
	return row;
}
