// Services (what a citizen takes a number for) and their counters, kept by the MPP's admin. A prefix
// clash inside the MPP, or a service no counter serves, is flagged before anything is saved.
import { localDate } from '../../domain/local-day';
import type { Actor } from '../auth/actor';
import type { Sql, Tx } from '../db/client';
import {
	countTicketsToday,
	findServiceClash,
	insertServiceRow,
	listCounterRows,
	listServiceRows,
	listTenantRows,
	listWaitingTicketIds,
	lockServiceRow,
	setServiceCounters,
	updateServiceRow,
	type ServiceRow
} from '../db/catalogue-edits';
import { findMppSettings } from '../db/mpp-settings';
import { lockMppQueue } from '../db/queue-lock';
import { findStandardService } from '../db/standard-services';
import { notFound } from '../errors';
import { transferInTransaction } from '../queue/transfer';
import { queueActorOf } from '../queue-actor';
import { requireMppAdmin } from './access';
import { audit, diff } from './audit';
import { serviceDeactivationSchema, serviceSchema, type ServiceInput } from './catalogue-schemas';
import { fieldError, FieldError, parseInput } from './input';
import { save, type Saved } from './live';

const auditedFields = [
	'tenantId',
	'code',
	'prefix',
	'name',
	'targetWaitMinutes',
	'dailyQuota',
	'cutoffMinutes',
	'bookingShare',
	'bookingHorizonDays',
	'bookingReleaseHour',
	'priorityReserveShare',
	'counterIds',
	'standardCode',
	'localOnly'
] as const;

/** Every check that needs the database, before a write. */
async function checkService(
	tx: Tx,
	mppId: string,
	serviceId: string | null,
	data: ServiceInput,
	keptStandard: string | null = null
) {
	const tenants = await listTenantRows(tx, mppId);
	const tenant = tenants.find((t) => t.id === data.tenantId);
	if (!tenant || !tenant.active) throw fieldError('tenantId', 'admin.invalid.choice');
	const clash = await findServiceClash(tx, mppId, { id: serviceId, prefix: data.prefix, code: data.code });
	if (clash?.prefix === data.prefix)
		throw fieldError('prefix', 'admin.invalid.prefixTaken', { name: clash.name });
	if (clash) throw fieldError('code', 'admin.invalid.codeTaken', { name: clash.name });
	const counters = new Set((await listCounterRows(tx, mppId)).filter((c) => c.active).map((c) => c.id));
	if (data.counterIds.some((id) => !counters.has(id))) throw fieldError('counterIds', 'admin.invalid.choice');
	if (data.counterIds.length === 0 && !data.confirmNoCounter) {
		throw fieldError('counterIds', 'admin.invalid.noCounter');
	}
	await checkStandard(tx, data.standard.standardCode, keptStandard);
}

/**
 * The mapping names a standard service that exists and is active; one the ministry deactivated
 * after this service was mapped to it may stay (its history keeps counting there).
 */
export async function checkStandard(tx: Tx, code: string | null, kept: string | null = null) {
	if (code === null || code === kept) return;
	const standard = await findStandardService(tx, code);
	if (!standard?.active) throw fieldError('standard', 'admin.invalid.choice');
}

function columns(data: ServiceInput) {
	return {
		tenant_id: data.tenantId,
		code: data.code,
		prefix: data.prefix,
		name: data.name,
		target_wait_minutes: data.targetWaitMinutes,
		daily_quota: data.dailyQuota,
		cutoff_minutes: data.cutoffMinutes,
		standard_code: data.standard.standardCode,
		local_only: data.standard.localOnly,
		// left out when not sent (a catalogue import): the column keeps its value or its default
		...(data.bookingShare === undefined ? {} : { booking_share: data.bookingShare }),
		...(data.bookingHorizonDays === undefined ? {} : { booking_horizon_days: data.bookingHorizonDays }),
		...(data.bookingReleaseHour === undefined ? {} : { booking_release_hour: data.bookingReleaseHour }),
		...(data.priorityReserveShare === undefined ? {} : { priority_reserve_share: data.priorityReserveShare })
	};
}

export async function createService(
	sql: Sql,
	actor: Actor,
	mppId: string,
	input: unknown
): Promise<Saved<ServiceRow>> {
	const user = requireMppAdmin(actor, mppId);
	const data = parseInput(serviceSchema, input);
	return save(sql, async ({ tx, configured }) => {
		await checkService(tx, mppId, null, data);
		const id = await insertServiceRow(tx, mppId, columns(data));
		await setServiceCounters(tx, id, data.counterIds);
		const service = (await lockServiceRow(tx, id))!;
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'service',
			entityId: id,
			entityName: service.name,
			action: 'created',
			changes: diff(undefined, service, [...auditedFields])
		});
		configured(mppId);
		return service;
	});
}

export async function updateService(
	sql: Sql,
	actor: Actor,
	mppId: string,
	serviceId: string,
	input: unknown
): Promise<Saved<ServiceRow>> {
	const user = requireMppAdmin(actor, mppId);
	const data = parseInput(serviceSchema, input);
	return save(sql, async ({ tx, configured }) => {
		const before = await lockServiceRow(tx, serviceId);
		if (!before || before.mppId !== mppId) throw notFound('Layanan tidak ditemukan.', 'service_not_found');
		await checkService(
			tx,
			mppId,
			serviceId,
			{
				...data,
				confirmNoCounter: data.confirmNoCounter || !before.active
			},
			before.standardCode
		);
		if (data.prefix !== before.prefix) {
			// today's numbers carry the old prefix; a new one mid-day would let two tickets share a number
			const mpp = (await findMppSettings(tx, mppId))!;
			if ((await countTicketsToday(tx, serviceId, localDate(new Date(), mpp.timezone))) > 0) {
				throw fieldError('prefix', 'admin.invalid.prefixInUseToday', { prefix: before.prefix });
			}
		}
		await updateServiceRow(tx, serviceId, columns(data));
		await setServiceCounters(tx, serviceId, data.counterIds);
		const after = (await lockServiceRow(tx, serviceId))!;
		const changes = diff(before, after, [...auditedFields]);
		if (Object.keys(changes).length) {
			await audit(tx, {
				mppId,
				userId: user.id,
				entity: 'service',
				entityId: serviceId,
				entityName: after.name,
				action: 'updated',
				changes
			});
			configured(mppId);
		}
		return after;
	});
}

/**
 * Deactivating a service with citizens still waiting needs a decision (issue 6): transfer them to
 * another service, keeping their place, or finish the day (no new tickets, the waiting ones are still
 * called at its counters). Without one, the FieldError says how many wait.
 */
export async function deactivateService(
	sql: Sql,
	actor: Actor,
	mppId: string,
	serviceId: string,
	input: unknown
): Promise<Saved<ServiceRow>> {
	const user = requireMppAdmin(actor, mppId);
	const decision = parseInput(serviceDeactivationSchema, input);
	return save(sql, async ({ tx, configured, emit }) => {
		// its waiting tickets may move to another service: the MPP's queue lock before any row
		await lockMppQueue(tx, mppId);
		const before = await lockServiceRow(tx, serviceId);
		if (!before || before.mppId !== mppId) throw notFound('Layanan tidak ditemukan.', 'service_not_found');
		if (!before.active) return before;
		const waiting = await listWaitingTicketIds(tx, serviceId);
		const changes: Record<string, [unknown, unknown]> = { active: [true, false] };
		if (waiting.length && !decision.decision) {
			throw fieldError('decision', 'admin.invalid.decisionNeeded', { count: waiting.length });
		}
		if (waiting.length && decision.decision === 'transfer') {
			const target = (await listServiceRows(tx, mppId)).find((s) => s.id === decision.targetServiceId);
			if (!target || !target.active || target.id === serviceId) {
				throw fieldError('targetServiceId', 'admin.invalid.transferTarget');
			}
			for (const ticketId of waiting) {
				const { draft } = await transferInTransaction(tx, {
					ticketId,
					toServiceId: target.id,
					actor: queueActorOf(actor)
				});
				emit(draft);
			}
			changes.waitingTickets = [waiting.length, `${target.prefix} ${target.name}`];
		} else if (waiting.length) {
			changes.waitingTickets = [waiting.length, 'finish_day'];
		}
		await updateServiceRow(tx, serviceId, { active: false });
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'service',
			entityId: serviceId,
			entityName: before.name,
			action: 'deactivated',
			changes
		});
		configured(mppId);
		return (await lockServiceRow(tx, serviceId))!;
	});
}

export async function activateService(
	sql: Sql,
	actor: Actor,
	mppId: string,
	serviceId: string
): Promise<Saved<ServiceRow>> {
	const user = requireMppAdmin(actor, mppId);
	return save(sql, async ({ tx, configured }) => {
		const before = await lockServiceRow(tx, serviceId);
		if (!before || before.mppId !== mppId) throw notFound('Layanan tidak ditemukan.', 'service_not_found');
		if (before.active) return before;
		const tenant = (await listTenantRows(tx, mppId)).find((t) => t.id === before.tenantId);
		if (!tenant?.active) throw new FieldError({ tenantId: { key: 'admin.invalid.tenantInactive' } });
		await updateServiceRow(tx, serviceId, { active: true });
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'service',
			entityId: serviceId,
			entityName: before.name,
			action: 'activated',
			changes: { active: [false, true] }
		});
		configured(mppId);
		return (await lockServiceRow(tx, serviceId))!;
	});
}
