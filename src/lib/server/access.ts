// Who may do what, for every door (DESIGN "Roles"). A person of one MPP never reads or changes
// another MPP's data; a device only reaches its own MPP, and only what its kind needs.
import type { DeviceKind, Role } from '../domain/types';
import type { Actor, SessionUser } from './auth/actor';
import type { Db } from './db/client';
import { isOperatorOf, listCounterIdsOfOperator } from './db/counters';
import { forbidden, unauthorized } from './errors';

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
 * Acting on a ticket: at its counter when it has one; a waiting ticket may be handled by an operator
 * of any counter that serves its service.
 */
export async function requireTicketOperator(
	db: Db,
	actor: Actor,
	ticket: { mppId: string; counterId: string | null; servingCounterIds: string[] }
): Promise<SessionUser> {
	const user = requireUser(actor, ['mpp_admin', 'operator']);
	if (user.role === 'superadmin') return user;
	if (user.mppId !== ticket.mppId) throw forbidden('Tiket ini milik MPP lain (ticket of another MPP).');
	if (user.role === 'operator') {
		const mine = new Set(await listCounterIdsOfOperator(db, user.id));
		const allowed = ticket.counterId
			? mine.has(ticket.counterId)
			: ticket.servingCounterIds.some((id) => mine.has(id));
		if (!allowed) throw forbidden('Tiket ini tidak di loket Anda (ticket is not at your counter).');
	}
	return user;
}
