// The counter console (/counter): who may work a counter, which counters a person may choose, and what
// the console starts from. The actions themselves go through the JSON API (api/v1), which enforces
// the same access rule (requireCounterOperator) on every call.
import { localDate, zoneLabel } from '../../domain/local-day';
import type { CounterStatus } from '../../domain/types';
import type { StaffSnapshot } from '../../realtime/events';
import { requireCounterOperator } from '../access';
import type { Actor, SessionUser } from '../auth/actor';
import type { Db, Sql } from '../db/client';
import { countCounterDay, oldestWaitingByService } from '../db/counter-console';
import { listCounterIdsOfOperator, listCounters, type Counter } from '../db/counters';
import { findMppById, listMpps, type Mpp } from '../db/mpps';
import { listServicesWithWaiting } from '../db/services';
import { requireCounter } from '../counters';
import { AppError, forbidden, notFound, unauthorized } from '../errors';
import { staffSnapshot } from '../realtime/snapshot';

/** The people who may work a counter: operators, and the MPP's admin or a superadmin standing in. */
export function requireConsoleUser(actor: Actor): SessionUser {
	if (actor.kind === 'anonymous') throw unauthorized();
	if (actor.kind === 'device') throw forbidden('Perangkat tidak dapat membuka konsol loket.');
	const { role } = actor.user;
	// supervisors watch the dashboards; calling tickets is not their job (DESIGN "Roles")
	if (role === 'supervisor') throw new AppError(403, 'read_only', 'Peran Anda hanya dapat membaca.');
	if (role === 'ministry') throw forbidden();
	return actor.user;
}

export interface CounterChoice {
	id: string;
	name: string;
	status: CounterStatus;
	services: { id: string; prefix: string; name: string }[];
	waiting: number;
}

export interface CounterChoiceGroup {
	mpp: { id: string; slug: string; name: string };
	counters: CounterChoice[];
}

/** The counters a person may work, per MPP: their assigned ones, or every counter for an admin. */
export async function listCounterChoices(sql: Sql, user: SessionUser): Promise<CounterChoiceGroup[]> {
	const mpps =
		user.role === 'superadmin'
			? await listMpps(sql)
			: [user.mppId ? await findMppById(sql, user.mppId) : undefined].filter((m): m is Mpp => !!m);
	const assigned = user.role === 'operator' ? new Set(await listCounterIdsOfOperator(sql, user.id)) : null;
	const groups = await Promise.all(
		mpps.map(async (mpp) => {
			const [counters, services] = await Promise.all([
				listCounters(sql, mpp.id),
				listServicesWithWaiting(sql, mpp.id)
			]);
			const byId = new Map(services.map((s) => [s.id, s]));
			const mine = counters.filter((c) => !assigned || assigned.has(c.id)).sort(byName);
			return {
				mpp: { id: mpp.id, slug: mpp.slug, name: mpp.name },
				counters: mine.map((c) => {
					const served = c.serviceIds.flatMap((id) => byId.get(id) ?? []);
					return {
						id: c.id,
						name: c.name,
						status: c.status,
						services: served.map(({ id, prefix, name }) => ({ id, prefix, name })),
						waiting: served.reduce((sum, s) => sum + s.waiting, 0)
					};
				})
			};
		})
	);
	return groups.filter((g) => g.counters.length > 0);
}

export interface ConsoleStats {
	/** tickets of today (MPP-local) that ended at this counter */
	servedToday: number;
	noShowToday: number;
	/** ISO time the longest-waiting ticket joined the queue, per service of this counter with people waiting */
	oldestWaiting: Record<string, string>;
}

export interface ConsoleData {
	counter: { id: string; name: string; serviceIds: string[] };
	mpp: { id: string; slug: string; name: string; timezone: string; zone: string; callLimit: number };
	snapshot: StaffSnapshot;
	stats: ConsoleStats;
	/** the server's clock when this was read, so timers can correct a PC whose clock is off */
	serverNow: string;
}

/** A counter the actor may work, with its MPP; 404 for an unknown counter, 403 for someone else's. */
export async function requireConsoleCounter(
	sql: Sql,
	actor: Actor,
	counterId: string
): Promise<{ counter: Counter; mpp: Mpp }> {
	requireConsoleUser(actor);
	const counter = await requireCounter(sql, counterId);
	await requireCounterOperator(sql, actor, counter);
	const mpp = await findMppById(sql, counter.mppId);
	if (!mpp || !mpp.active) throw notFound('MPP tidak ditemukan.', 'mpp_not_found');
	return { counter, mpp };
}

export async function openConsole(sql: Sql, actor: Actor, counterId: string): Promise<ConsoleData> {
	const { counter, mpp } = await requireConsoleCounter(sql, actor, counterId);
	const now = new Date();
	const [snapshot, stats] = await Promise.all([
		staffSnapshot(sql, mpp.id),
		consoleStats(sql, counter, mpp, now)
	]);
	return {
		counter: { id: counter.id, name: counter.name, serviceIds: counter.serviceIds },
		mpp: {
			id: mpp.id,
			slug: mpp.slug,
			name: mpp.name,
			timezone: mpp.timezone,
			zone: zoneLabel(mpp.timezone),
			callLimit: mpp.callLimit
		},
		snapshot,
		stats,
		serverNow: now.toISOString()
	};
}

export async function consoleStats(
	db: Db,
	counter: Pick<Counter, 'id' | 'mppId' | 'serviceIds'>,
	mpp: Pick<Mpp, 'timezone'>,
	now = new Date()
): Promise<ConsoleStats> {
	const [day, oldest] = await Promise.all([
		countCounterDay(db, {
			mppId: counter.mppId,
			counterId: counter.id,
			localDate: localDate(now, mpp.timezone)
		}),
		oldestWaitingByService(db, counter.serviceIds)
	]);
	return {
		servedToday: day.served,
		noShowToday: day.noShow,
		oldestWaiting: Object.fromEntries(Object.entries(oldest).map(([id, at]) => [id, at.toISOString()]))
	};
}

const collator = new Intl.Collator('id', { numeric: true });
// "Loket 2" before "Loket 10", as people number their counters
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
