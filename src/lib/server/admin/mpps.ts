// MPPs (issue 6 slice 1): the superadmin creates, renames and deactivates them; the MPP's own admin
// keeps its hours, closed days, call limit, priority fairness and running text up to date.
import { localDate } from '../../domain/local-day';
import type { Actor } from '../auth/actor';
import type { Sql } from '../db/client';
import {
	deleteClosedDay,
	findClosedDay,
	listClosedDays,
	upsertClosedDay,
	type ClosedDay
} from '../db/closed-days';
import {
	findMppSettings,
	findMppSettingsBySlug,
	insertMppSettings,
	listAllMppSettings,
	lockMppSettings,
	updateMppSettings,
	type MppSettings
} from '../db/mpp-settings';
import { notFound } from '../errors';
import { requireMppAdmin, requireSuperadmin } from './access';
import { audit, diff } from './audit';
import { fieldError, parseInput } from './input';
import { save, type Saved } from './live';
import { closedDaySchema, mppCreateSchema, mppOperationsSchema, mppProfileSchema } from './mpp-schemas';

const profileFields = ['name', 'slug', 'province', 'city', 'regionCode', 'timezone'] as const;
const operationFields = [
	'openingHours',
	'callLimit',
	'priorityRatio',
	'runningText',
	'checkinBeforeMinutes',
	'checkinAfterMinutes',
	'bookingRatio'
] as const;

export async function listMppsForAdmin(sql: Sql, actor: Actor): Promise<MppSettings[]> {
	requireSuperadmin(actor);
	return listAllMppSettings(sql);
}

/** The MPP of an admin URL, for its superadmin or its own mpp_admin; inactive ones for the superadmin. */
export async function openMppForAdmin(sql: Sql, actor: Actor, slug: string): Promise<MppSettings> {
	const mpp = /^[a-z0-9-]{1,60}$/.test(slug) ? await findMppSettingsBySlug(sql, slug) : undefined;
	if (!mpp) throw notFound('MPP tidak ditemukan (unknown MPP).', 'mpp_not_found');
	const user = requireMppAdmin(actor, mpp.id);
	if (!mpp.active && user.role !== 'superadmin')
		throw notFound('MPP tidak ditemukan (unknown MPP).', 'mpp_not_found');
	return mpp;
}

export async function createMpp(sql: Sql, actor: Actor, input: unknown): Promise<Saved<MppSettings>> {
	const user = requireSuperadmin(actor);
	const data = parseInput(mppCreateSchema, input);
	return save(sql, async ({ tx }) => {
		if (await findMppSettingsBySlug(tx, data.slug)) throw fieldError('slug', 'admin.invalid.slugTaken');
		const mpp = await insertMppSettings(tx, data);
		await audit(tx, {
			mppId: mpp.id,
			userId: user.id,
			entity: 'mpp',
			entityId: mpp.id,
			entityName: mpp.name,
			action: 'created',
			changes: diff(undefined, mpp, [...profileFields, ...operationFields])
		});
		return mpp;
	});
}

/** Name, address, region and zone: the superadmin's. */
export async function updateMppProfile(
	sql: Sql,
	actor: Actor,
	mppId: string,
	input: unknown
): Promise<Saved<MppSettings>> {
	const user = requireSuperadmin(actor);
	const data = parseInput(mppProfileSchema, input);
	return save(sql, async ({ tx, configured }) => {
		const before = await lockMppSettings(tx, mppId);
		if (!before) throw notFound('MPP tidak ditemukan (unknown MPP).', 'mpp_not_found');
		const clash = data.slug !== before.slug ? await findMppSettingsBySlug(tx, data.slug) : undefined;
		if (clash) throw fieldError('slug', 'admin.invalid.slugTaken');
		const after = await updateMppSettings(tx, mppId, {
			name: data.name,
			slug: data.slug,
			province: data.province,
			city: data.city,
			region_code: data.regionCode,
			timezone: data.timezone
		});
		const changes = diff(before, after, [...profileFields]);
		if (Object.keys(changes).length) {
			await audit(tx, { ...entry(user.id, after), action: 'updated', changes });
			// the TVs show the MPP's name and clock: they refetch
			configured(mppId);
		}
		return after;
	});
}

/** Hours, call limit, priority fairness and running text: the MPP's own admin may keep them. */
export async function updateMppOperations(
	sql: Sql,
	actor: Actor,
	mppId: string,
	input: unknown
): Promise<Saved<MppSettings>> {
	const user = requireMppAdmin(actor, mppId);
	const data = parseInput(mppOperationsSchema, input);
	return save(sql, async ({ tx, runningText }) => {
		const before = await lockMppSettings(tx, mppId);
		if (!before) throw notFound('MPP tidak ditemukan (unknown MPP).', 'mpp_not_found');
		const after = await updateMppSettings(tx, mppId, {
			opening_hours: data.openingHours,
			call_limit: data.callLimit,
			priority_ratio: data.priorityRatio,
			running_text: data.runningText,
			...(data.checkinBeforeMinutes === undefined
				? {}
				: { checkin_before_minutes: data.checkinBeforeMinutes }),
			...(data.checkinAfterMinutes === undefined ? {} : { checkin_after_minutes: data.checkinAfterMinutes }),
			...(data.bookingRatio === undefined ? {} : { booking_ratio: data.bookingRatio })
		});
		const changes = diff(before, after, [...operationFields]);
		if (Object.keys(changes).length)
			await audit(tx, { ...entry(user.id, after), action: 'updated', changes });
		if (changes.runningText) runningText(mppId, after.runningText);
		return after;
	});
}

/** Deactivating hides the MPP from kiosks, TVs and dashboards; its history stays. */
export async function setMppActive(
	sql: Sql,
	actor: Actor,
	mppId: string,
	active: boolean
): Promise<Saved<MppSettings>> {
	const user = requireSuperadmin(actor);
	return save(sql, async ({ tx, configured }) => {
		const before = await lockMppSettings(tx, mppId);
		if (!before) throw notFound('MPP tidak ditemukan (unknown MPP).', 'mpp_not_found');
		if (before.active === active) return before;
		const after = await updateMppSettings(tx, mppId, { active });
		await audit(tx, {
			...entry(user.id, after),
			action: active ? 'activated' : 'deactivated',
			changes: { active: [before.active, active] }
		});
		configured(mppId);
		return after;
	});
}

export async function listUpcomingClosedDays(sql: Sql, actor: Actor, mppId: string): Promise<ClosedDay[]> {
	requireMppAdmin(actor, mppId);
	const mpp = await findMppSettings(sql, mppId);
	if (!mpp) throw notFound('MPP tidak ditemukan (unknown MPP).', 'mpp_not_found');
	return listClosedDays(sql, mppId, localDate(new Date(), mpp.timezone));
}

export async function addClosedDay(
	sql: Sql,
	actor: Actor,
	mppId: string,
	input: unknown
): Promise<Saved<ClosedDay>> {
	const user = requireMppAdmin(actor, mppId);
	const day = parseInput(closedDaySchema, input);
	return save(sql, async ({ tx }) => {
		const mpp = await lockMppSettings(tx, mppId);
		if (!mpp) throw notFound('MPP tidak ditemukan (unknown MPP).', 'mpp_not_found');
		const before = await findClosedDay(tx, mppId, day.date);
		await upsertClosedDay(tx, mppId, day);
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'closed_day',
			entityId: day.date,
			entityName: `${day.date} ${day.name}`,
			action: before ? 'updated' : 'created',
			changes: diff(before, day, ['date', 'name'])
		});
		return day;
	});
}

export async function removeClosedDay(
	sql: Sql,
	actor: Actor,
	mppId: string,
	date: string
): Promise<Saved<boolean>> {
	const user = requireMppAdmin(actor, mppId);
	const { date: day } = parseInput(closedDaySchema.pick({ date: true }), { date });
	return save(sql, async ({ tx }) => {
		const before = await findClosedDay(tx, mppId, day);
		if (!before) return false;
		await deleteClosedDay(tx, mppId, day);
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'closed_day',
			entityId: day,
			entityName: `${day} ${before.name}`,
			action: 'deleted',
			changes: { name: [before.name, null] }
		});
		return true;
	});
}

function entry(userId: string, mpp: MppSettings) {
	return { mppId: mpp.id, userId, entity: 'mpp' as const, entityId: mpp.id, entityName: mpp.name };
}
