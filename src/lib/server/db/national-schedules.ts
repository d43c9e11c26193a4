// The opening hours of every active MPP, for the ministry's schedule comparison (issue 14).
import type { OpeningHours } from '../../domain/types';
import type { Db } from './client';

export interface MppSchedule {
	slug: string;
	name: string;
	province: string;
	city: string;
	timezone: string;
	openingHours: OpeningHours;
}

export async function listMppSchedules(db: Db): Promise<MppSchedule[]> {
	return db<MppSchedule[]>`
		SELECT slug, name, province, city, timezone, opening_hours AS "openingHours"
		FROM mpps WHERE active ORDER BY province, name`;
}
