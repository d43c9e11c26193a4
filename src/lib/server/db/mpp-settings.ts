// MPP rows as the administration edits them: every MPP (inactive ones too) and every column.
import type { OpeningHours } from '$lib/domain/types';
import type { Db } from './client';

export interface MppSettings {
	id: string;
	slug: string;
	name: string;
	province: string;
	city: string;
	regionCode: string | null;
	timezone: string;
	openingHours: OpeningHours;
	priorityRatio: number;
	callLimit: number;
	runningText: string;
	active: boolean;
	/** the booking check-in window and the booked-streak cap (migration 0015) */
	checkinBeforeMinutes: number;
	checkinAfterMinutes: number;
	bookingRatio: number;
}

/** The columns an edit may set, snake_case as in the table. */
export interface MppPatch {
	slug?: string;
	name?: string;
	province?: string;
	city?: string;
	region_code?: string | null;
	timezone?: string;
	opening_hours?: OpeningHours;
	priority_ratio?: number;
	call_limit?: number;
	running_text?: string;
	active?: boolean;
	checkin_before_minutes?: number;
	checkin_after_minutes?: number;
	booking_ratio?: number;
}

const columns = (db: Db) => db`
	id, slug, name, province, city, region_code AS "regionCode", timezone, opening_hours AS "openingHours",
	priority_ratio AS "priorityRatio", call_limit AS "callLimit", running_text AS "runningText", active,
	checkin_before_minutes AS "checkinBeforeMinutes", checkin_after_minutes AS "checkinAfterMinutes",
	booking_ratio AS "bookingRatio"`;

export async function findMppSettings(db: Db, id: string): Promise<MppSettings | undefined> {
	const [row] = await db<MppSettings[]>`SELECT ${columns(db)} FROM mpps WHERE id = ${id}`;
	return row;
}

/** Locks the row for an edit, so two admins saving at once cannot both pass a check. */
export async function lockMppSettings(db: Db, id: string): Promise<MppSettings | undefined> {
	const [row] = await db<MppSettings[]>`SELECT ${columns(db)} FROM mpps WHERE id = ${id} FOR UPDATE`;
	return row;
}

export async function findMppSettingsBySlug(db: Db, slug: string): Promise<MppSettings | undefined> {
	const [row] = await db<MppSettings[]>`SELECT ${columns(db)} FROM mpps WHERE slug = ${slug}`;
	return row;
}

export async function listAllMppSettings(db: Db): Promise<MppSettings[]> {
	return db<MppSettings[]>`SELECT ${columns(db)} FROM mpps ORDER BY active DESC, name`;
}

export async function insertMppSettings(
	db: Db,
	// the booking fields are optional: absent, a new MPP starts from the defaults of migration 0015
	m: Omit<MppSettings, 'id' | 'active' | 'checkinBeforeMinutes' | 'checkinAfterMinutes' | 'bookingRatio'> &
		Partial<Pick<MppSettings, 'checkinBeforeMinutes' | 'checkinAfterMinutes' | 'bookingRatio'>>
): Promise<MppSettings> {
	const [row] = await db<MppSettings[]>`
		INSERT INTO mpps (slug, name, province, city, region_code, timezone, opening_hours, priority_ratio,
			call_limit, running_text, checkin_before_minutes, checkin_after_minutes, booking_ratio)
		VALUES (${m.slug}, ${m.name}, ${m.province}, ${m.city}, ${m.regionCode}, ${m.timezone},
			${db.json(m.openingHours)}, ${m.priorityRatio}, ${m.callLimit}, ${m.runningText},
			coalesce(${m.checkinBeforeMinutes ?? null}::int, 30), coalesce(${m.checkinAfterMinutes ?? null}::int, 15),
			coalesce(${m.bookingRatio ?? null}::int, 3))
		RETURNING ${columns(db)}`;
	await db`INSERT INTO mpp_event_seq (mpp_id) VALUES (${row.id})`;
	return row;
}

export async function updateMppSettings(db: Db, id: string, patch: MppPatch): Promise<MppSettings> {
	const values: Record<string, unknown> = { ...patch };
	if (patch.opening_hours) values.opening_hours = db.json(patch.opening_hours);
	const [row] = await db<MppSettings[]>`
		UPDATE mpps SET ${db(values)} WHERE id = ${id} RETURNING ${columns(db)}`;
	return row;
}
