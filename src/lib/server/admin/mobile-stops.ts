// A mobile unit's stops (issue 13): the MPP's admin says where the bus stands on which day; the edge
// gets them with its configuration and stamps each ticket with the day's place. Audited as a change
// of the MPP's configuration.
import { localDate } from '../../domain/local-day';
import type { Actor } from '../auth/actor';
import type { Sql } from '../db/client';
import { lockMppSettings, findMppSettings } from '../db/mpp-settings';
import {
	deleteMobileStop,
	findMobileStop,
	listMobileStops,
	upsertMobileStop,
	type MobileStop
} from '../db/mobile-stops';
import { notFound } from '../errors';
import { requireMppAdmin } from './access';
import { audit } from './audit';
import { parseInput, text } from './input';
import { save, type Saved } from './live';
import { closedDaySchema } from './mpp-schemas';

const stopSchema = closedDaySchema.pick({ date: true }).extend({ place: text(200) });

export async function listUpcomingStops(sql: Sql, actor: Actor, mppId: string): Promise<MobileStop[]> {
	requireMppAdmin(actor, mppId);
	const mpp = await findMppSettings(sql, mppId);
	if (!mpp) throw notFound('MPP tidak ditemukan (unknown MPP).', 'mpp_not_found');
	return listMobileStops(sql, mppId, localDate(new Date(), mpp.timezone));
}

export async function setMobileStop(
	sql: Sql,
	actor: Actor,
	mppId: string,
	input: unknown
): Promise<Saved<MobileStop>> {
	const user = requireMppAdmin(actor, mppId);
	const stop = parseInput(stopSchema, input);
	return save(sql, async ({ tx }) => {
		if (!(await lockMppSettings(tx, mppId)))
			throw notFound('MPP tidak ditemukan (unknown MPP).', 'mpp_not_found');
		const before = await findMobileStop(tx, mppId, stop.date);
		await upsertMobileStop(tx, mppId, stop);
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'mpp',
			entityId: mppId,
			entityName: `Lokasi ${stop.date}`,
			action: 'updated',
			changes: { [`stop ${stop.date}`]: [before?.place ?? null, stop.place] }
		});
		return stop;
	});
}

export async function removeMobileStop(
	sql: Sql,
	actor: Actor,
	mppId: string,
	date: string
): Promise<Saved<boolean>> {
	const user = requireMppAdmin(actor, mppId);
	const { date: day } = parseInput(stopSchema.pick({ date: true }), { date });
	return save(sql, async ({ tx }) => {
		const before = await findMobileStop(tx, mppId, day);
		if (!before) return false;
		await deleteMobileStop(tx, mppId, day);
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'mpp',
			entityId: mppId,
			entityName: `Lokasi ${day}`,
			action: 'updated',
			changes: { [`stop ${day}`]: [before.place, null] }
		});
		return true;
	});
}
