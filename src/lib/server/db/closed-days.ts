// Holidays and other days an MPP does not serve, as MPP-local calendar dates.
import type { Db } from './client';

export interface ClosedDay {
	/** 'YYYY-MM-DD' in the MPP's own calendar */
	date: string;
	name: string;
}

export async function listClosedDays(db: Db, mppId: string, fromDate: string): Promise<ClosedDay[]> {
	return db<ClosedDay[]>`
		SELECT to_char(local_date, 'YYYY-MM-DD') AS date, name FROM mpp_closed_days
		WHERE mpp_id = ${mppId} AND local_date >= ${fromDate}::date ORDER BY local_date`;
}

export async function findClosedDay(db: Db, mppId: string, date: string): Promise<ClosedDay | undefined> {
	const [row] = await db<ClosedDay[]>`
		SELECT to_char(local_date, 'YYYY-MM-DD') AS date, name FROM mpp_closed_days
		WHERE mpp_id = ${mppId} AND local_date = ${date}::date`;
	return row;
}

/** Adds the day, or renames it when it is already closed. */
export async function upsertClosedDay(db: Db, mppId: string, day: ClosedDay): Promise<void> {
	await db`
		INSERT INTO mpp_closed_days (mpp_id, local_date, name) VALUES (${mppId}, ${day.date}::date, ${day.name})
		ON CONFLICT (mpp_id, local_date) DO UPDATE SET name = excluded.name`;
}

export async function deleteClosedDay(db: Db, mppId: string, date: string): Promise<boolean> {
	const rows = await db`DELETE FROM mpp_closed_days WHERE mpp_id = ${mppId} AND local_date = ${date}::date`;
	return rows.count > 0;
}
