// Where a mobile service unit stands each day (issue 13, migration 0027).
import type { Db } from './client';

export interface MobileStop {
	date: string;
	place: string;
}

export async function listMobileStops(db: Db, mppId: string, fromDate: string): Promise<MobileStop[]> {
	return db<MobileStop[]>`
		SELECT local_date::text AS date, place FROM mobile_stops
		WHERE mpp_id = ${mppId} AND local_date >= ${fromDate} ORDER BY local_date`;
}

export async function findMobileStop(db: Db, mppId: string, date: string): Promise<MobileStop | undefined> {
	const [row] = await db<MobileStop[]>`
		SELECT local_date::text AS date, place FROM mobile_stops WHERE mpp_id = ${mppId} AND local_date = ${date}`;
	return row;
}

export async function upsertMobileStop(db: Db, mppId: string, stop: MobileStop): Promise<void> {
	await db`
		INSERT INTO mobile_stops (mpp_id, local_date, place) VALUES (${mppId}, ${stop.date}, ${stop.place})
		ON CONFLICT (mpp_id, local_date) DO UPDATE SET place = EXCLUDED.place`;
}

export async function deleteMobileStop(db: Db, mppId: string, date: string): Promise<void> {
	await db`DELETE FROM mobile_stops WHERE mpp_id = ${mppId} AND local_date = ${date}`;
}
