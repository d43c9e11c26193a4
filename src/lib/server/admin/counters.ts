// Counters (loket) and the services each serves, kept by the MPP's admin. A rename or a new set of
// services reaches the TVs and consoles at once as `counter:changed`.
import type { Actor } from '../auth/actor';
import type { Sql, Tx } from '../db/client';
import {
	findCounterByName,
	insertCounterRow,
	listCounterRows,
	listServiceRows,
	listTenantRows,
	lockCounterRow,
	setCounterServices,
	updateCounterRow,
	type CounterRow
} from '../db/catalogue-edits';
import { lockCounter } from '../db/queue-counters';
import { updateQueueCounter } from '../db/queue-counters';
import { notFound } from '../errors';
import { draftOutcome } from '../queue/record';
import { toCounterView } from '../queue/views';
import { requireMppAdmin } from './access';
import { audit, diff } from './audit';
import { counterDeactivationSchema, counterSchema, type CounterInput } from './catalogue-schemas';
import { fieldError, parseInput } from './input';
import { save, type Saved } from './live';

const auditedFields = ['name', 'tenantId', 'serviceIds'] as const;

async function checkCounter(tx: Tx, mppId: string, counterId: string | null, data: CounterInput) {
	const clash = await findCounterByName(tx, mppId, data.name);
	if (clash && clash.id !== counterId) throw fieldError('name', 'admin.invalid.nameTaken');
	if (data.tenantId) {
		const tenant = (await listTenantRows(tx, mppId)).find((t) => t.id === data.tenantId);
		if (!tenant?.active) throw fieldError('tenantId', 'admin.invalid.choice');
	}
	const services = new Set((await listServiceRows(tx, mppId)).filter((s) => s.active).map((s) => s.id));
	if (data.serviceIds.length === 0) throw fieldError('serviceIds', 'admin.invalid.noService');
	if (data.serviceIds.some((id) => !services.has(id))) throw fieldError('serviceIds', 'admin.invalid.choice');
}

export async function createCounter(
	sql: Sql,
	actor: Actor,
	mppId: string,
	input: unknown
): Promise<Saved<CounterRow>> {
	const user = requireMppAdmin(actor, mppId);
	const data = parseInput(counterSchema, input);
	return save(sql, async ({ tx, configured }) => {
		await checkCounter(tx, mppId, null, data);
		const id = await insertCounterRow(tx, { mppId, tenantId: data.tenantId, name: data.name });
		await setCounterServices(tx, id, data.serviceIds);
		const counter = (await lockCounterRow(tx, id))!;
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'counter',
			entityId: id,
			entityName: counter.name,
			action: 'created',
			changes: diff(undefined, counter, [...auditedFields])
		});
		configured(mppId);
		return counter;
	});
}

export async function updateCounter(
	sql: Sql,
	actor: Actor,
	mppId: string,
	counterId: string,
	input: unknown
): Promise<Saved<CounterRow>> {
	const user = requireMppAdmin(actor, mppId);
	const data = parseInput(counterSchema, input);
	return save(sql, async ({ tx, emit }) => {
		const before = await lockCounterRow(tx, counterId);
		if (!before || before.mppId !== mppId) throw notFound('Loket tidak ditemukan.', 'counter_not_found');
		await checkCounter(tx, mppId, counterId, data);
		await updateCounterRow(tx, counterId, { name: data.name, tenant_id: data.tenantId });
		await setCounterServices(tx, counterId, data.serviceIds);
		const after = (await lockCounterRow(tx, counterId))!;
		const changes = diff(before, after, [...auditedFields]);
		if (Object.keys(changes).length) {
			await audit(tx, {
				mppId,
				userId: user.id,
				entity: 'counter',
				entityId: counterId,
				entityName: after.name,
				action: 'updated',
				changes
			});
			if (after.active) {
				const view = toCounterView((await lockCounter(tx, counterId))!);
				const touched = [...new Set([...before.serviceIds, ...after.serviceIds])];
				emit(
					await draftOutcome(
						tx,
						mppId,
						new Date(),
						{ type: 'counter:changed', counter: view, finished: null },
						touched
					)
				);
			}
		}
		return after;
	});
}

/**
 * Deactivating a counter never strands a citizen: a ticket still at the counter must be finished or
 * the counter closed at its console first, and services only this counter serves are handed over to
 * another counter (or, when nobody waits for them, left without one after the officer confirms).
 */
export async function deactivateCounter(
	sql: Sql,
	actor: Actor,
	mppId: string,
	counterId: string,
	input: unknown
): Promise<Saved<CounterRow>> {
	const user = requireMppAdmin(actor, mppId);
	const decision = parseInput(counterDeactivationSchema, input);
	return save(sql, async ({ tx, configured }) => {
		const before = await lockCounterRow(tx, counterId);
		if (!before || before.mppId !== mppId) throw notFound('Loket tidak ditemukan.', 'counter_not_found');
		if (!before.active) return before;
		if (before.currentTicketId) throw fieldError('form', 'admin.invalid.counterBusy');
		const services = await listServiceRows(tx, mppId);
		const orphaned = services.filter(
			(s) => s.active && before.serviceIds.includes(s.id) && s.counterIds.every((id) => id === counterId)
		);
		const changes: Record<string, [unknown, unknown]> = { active: [true, false] };
		if (orphaned.length && decision.handoverCounterId) {
			const target = (await listCounterRows(tx, mppId)).find((c) => c.id === decision.handoverCounterId);
			if (!target || !target.active || target.id === counterId) {
				throw fieldError('handoverCounterId', 'admin.invalid.choice');
			}
			const serviceIds = [...new Set([...target.serviceIds, ...orphaned.map((s) => s.id)])];
			await setCounterServices(tx, target.id, serviceIds);
			await audit(tx, {
				mppId,
				userId: user.id,
				entity: 'counter',
				entityId: target.id,
				entityName: target.name,
				action: 'updated',
				changes: { serviceIds: [target.serviceIds, serviceIds] }
			});
			changes.handedOver = [orphaned.map((s) => s.name), target.name];
		} else if (orphaned.length) {
			const waiting = orphaned.filter((s) => s.waiting > 0);
			const names = orphaned.map((s) => s.name).join(', ');
			if (waiting.length)
				throw fieldError('handoverCounterId', 'admin.invalid.stranded', { services: names });
			if (!decision.confirmNoCounter)
				throw fieldError('handoverCounterId', 'admin.invalid.orphaned', { services: names });
		}
		await updateCounterRow(tx, counterId, { active: false });
		await updateQueueCounter(tx, counterId, {
			status: 'closed',
			status_changed_at: new Date(),
			priority_streak: 0
		});
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'counter',
			entityId: counterId,
			entityName: before.name,
			action: 'deactivated',
			changes
		});
		configured(mppId);
		return (await lockCounterRow(tx, counterId))!;
	});
}

export async function activateCounter(
	sql: Sql,
	actor: Actor,
	mppId: string,
	counterId: string
): Promise<Saved<CounterRow>> {
	const user = requireMppAdmin(actor, mppId);
	return save(sql, async ({ tx, configured }) => {
		const before = await lockCounterRow(tx, counterId);
		if (!before || before.mppId !== mppId) throw notFound('Loket tidak ditemukan.', 'counter_not_found');
		if (before.active) return before;
		await updateCounterRow(tx, counterId, { active: true });
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'counter',
			entityId: counterId,
			entityName: before.name,
			action: 'activated',
			changes: { active: [false, true] }
		});
		configured(mppId);
		return (await lockCounterRow(tx, counterId))!;
	});
}
