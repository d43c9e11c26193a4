// MPP rows: one query per function, no rules (rules live in services).
import type { OpeningHours } from '$lib/domain/types';
import type { Db } from './client';

export interface Mpp {
	id: string;
	slug: string;
	name: string;
	province: string;
	city: string;
	timezone: string;
	openingHours: OpeningHours;
	priorityRatio: number;
	callLimit: number;
	runningText: string;
	active: boolean;
	/** tickets at any hour, whatever the opening hours: only the demo sets it (migration 0013) */
	ticketsAnyHour: boolean;
	/** a booking may be checked in from this many minutes before its slot starts (migration 0015) */
	checkinBeforeMinutes: number;
	/** …until this many minutes after */
	checkinAfterMinutes: number;
}

export interface NewMpp {
	slug: string;
	name: string;
	province: string;
	city: string;
	timezone: string;
	openingHours: OpeningHours;
	priorityRatio?: number;
	callLimit?: number;
	runningText?: string;
}

const columns = (db: Db) => db`
	id, slug, name, province, city, timezone, opening_hours AS "openingHours",
	priority_ratio AS "priorityRatio", call_limit AS "callLimit", running_text AS "runningText", active,
	tickets_any_hour AS "ticketsAnyHour", checkin_before_minutes AS "checkinBeforeMinutes",
	checkin_after_minutes AS "checkinAfterMinutes"`;

export async function insertMpp(db: Db, mpp: NewMpp): Promise<Mpp> {
	const [row] = await db<Mpp[]>`
		INSERT INTO mpps (slug, name, province, city, timezone, opening_hours, priority_ratio, call_limit, running_text)
		VALUES (${mpp.slug}, ${mpp.name}, ${mpp.province}, ${mpp.city}, ${mpp.timezone},
			${db.json(mpp.openingHours)}, ${mpp.priorityRatio ?? 2}, ${mpp.callLimit ?? 3}, ${mpp.runningText ?? ''})
		RETURNING ${columns(db)}`;
	await db`INSERT INTO mpp_event_seq (mpp_id) VALUES (${row.id})`;
	return row;
}

export async function findMppBySlug(db: Db, slug: string): Promise<Mpp | undefined> {
	const [row] = await db<Mpp[]>`SELECT ${columns(db)} FROM mpps WHERE slug = ${slug}`;
	return row;
}

export async function findMppById(db: Db, id: string): Promise<Mpp | undefined> {
	const [row] = await db<Mpp[]>`SELECT ${columns(db)} FROM mpps WHERE id = ${id}`;
	return row;
}

export async function listMpps(db: Db): Promise<Mpp[]> {
	return db<Mpp[]>`SELECT ${columns(db)} FROM mpps WHERE active ORDER BY name`;
}

export async function countMpps(db: Db): Promise<number> {
	const [row] = await db<{ n: number }[]>`SELECT count(*)::int AS n FROM mpps`;
	return row.n;
}

/** The MPP's Kemendagri regency/city code (the ministry's coverage counts it as operating there). */
export async function setMppRegionCode(db: Db, id: string, regionCode: string): Promise<void> {
	await db`UPDATE mpps SET region_code = ${regionCode} WHERE id = ${id}`;
}
