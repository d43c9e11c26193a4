// Who may do what, for every door (DESIGN "Roles"). A person of one MPP never reads or changes
// another MPP's data; a device only reaches its own MPP, and only what its kind needs.
import type { DeviceKind, Role } from '../domain/types';
import type { Actor, SessionUser } from './auth/actor';
import type { Db, Tx } from './db/client';
import { holdOperatorAssignment, holdOperatorOfService, isOperatorOf } from './db/counters';
import { forbidden, unauthorized } from './errors';
import type { QueueGuard, QueuePlace } from './queue/types';

/** People who work in an MPP (ministry is national and reads statistics only). */
export const mppStaffRoles: Role[] = ['mpp_admin', 'supervisor', 'operator'];

export interface MppRule {
	/** roles of that MPP allowed; superadmin is always allowed */
	roles: Role[];
	/** device kinds of that MPP allowed */
	devices?: DeviceKind[];
}

export function requireSignedIn(actor: Actor): asserts actor is Exclude<Actor, { kind: 'anonymous' }> {
	if (actor.kind === 'anonymous') throw unauthorized();
}

export function requireUser(actor: Actor, roles: Role[]): SessionUser {
	requireSignedIn(actor);
	if (actor.kind !== 'user') throw forbidden('Perangkat tidak boleh melakukan ini (devices may not).');
	if (actor.user.role !== 'superadmin' && !roles.includes(actor.user.role)) throw forbidden();
	return actor.user;
}

export function canAccessMpp(actor: Actor, mppId: string, rule: MppRule): boolean {
	if (actor.kind === 'user') {
		if (actor.user.role === 'superadmin') return true;
		return actor.user.mppId === mppId && rule.roles.includes(actor.user.role);
	}
	if (actor.kind === 'device')
		return actor.device.mppId === mppId && (rule.devices ?? []).includes(actor.device.kind);
	return false;
}

/** 401 for nobody, 403 for somebody who may not reach this MPP this way. */
export function requireMppAccess(actor: Actor, mppId: string, rule: MppRule): void {
	requireSignedIn(actor);
	if (!canAccessMpp(actor, mppId, rule)) throw forbidden();
}

/** MPPs a user may list: all for the national roles, their own otherwise. */
export function visibleMppIds(user: SessionUser): 'all' | string[] {
	if (user.role === 'superadmin' || user.role === 'ministry') return 'all';
	return user.mppId ? [user.mppId] : [];
}

/**
 * Acting at a counter: its assigned operators, and the MPP's admin (who may stand in).
 * Supervisors watch but do not operate.
 */
export async function requireCounterOperator(
	db: Db,
	actor: Actor,
	counter: { id: string; mppId: string }
): Promise<SessionUser> {
	const user = requireUser(actor, ['mpp_admin', 'operator']);
	if (user.role === 'superadmin') return user;
	if (user.mppId !== counter.mppId) throw forbidden('Loket ini milik MPP lain (counter of another MPP).');
	if (user.role === 'operator' && !(await isOperatorOf(db, user.id, counter.id))) {
		throw forbidden('Anda tidak ditugaskan di loket ini (not assigned to this counter).');
	}
	return user;
}

/**
 * The part of the operator rule a door can check before the body and the transaction: the role, and
 * the MPP when the door knows it (a counter never changes MPP). The rest is queueOperatorGuard's.
 */
export function requireQueueOperator(actor: Actor, mppId?: string): SessionUser {
	const user = requireUser(actor, ['mpp_admin', 'operator']);
	if (mppId && user.role !== 'superadmin' && user.mppId !== mppId) {
		throw forbidden('Loket ini milik MPP lain (counter of another MPP).');
	}
	return user;
}

/**
 * Acting at a counter or on a ticket, as a guard the queue engine runs inside its transaction on the
 * counter or ticket it has just locked (issue 10 item 8): the counter's assigned operators and the
 * MPP's admin; a ticket at its counter, or a waiting one by an operator of any counter serving its
 * service. Read before the transaction, an assignment removed or a ticket moved in between would still
 * let the action through; here the assignment row is held until COMMIT.
 */
export function queueOperatorGuard(actor: Actor): QueueGuard {
	return async (tx: Tx, place: QueuePlace) => {
		const user = requireQueueOperator(actor);
		if (user.role === 'superadmin') return;
		const { serviceId } = place;
		if (user.mppId !== place.mppId) {
			throw forbidden(
				serviceId
					? 'Tiket ini milik MPP lain (ticket of another MPP).'
					: 'Loket ini milik MPP lain (counter of another MPP).'
			);
		}
		if (user.role !== 'operator') return;
		if (!serviceId) {
			if (place.counterId && (await holdOperatorAssignment(tx, user.id, place.counterId))) return;
			throw forbidden('Anda tidak ditugaskan di loket ini (not assigned to this counter).');
		}
		// at its counter when it has one; a waiting ticket, by an operator of any counter serving it
		const allowed = place.counterId
			? await holdOperatorAssignment(tx, user.id, place.counterId)
			: await holdOperatorOfService(tx, user.id, serviceId);
		if (!allowed) throw forbidden('Tiket ini tidak di loket Anda (ticket is not at your counter).');
	};
}
