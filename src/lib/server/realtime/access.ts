// Who may follow which room (DESIGN "Roles"): a person or device of one MPP never sees another's.
import type { MppRoom, RoomRequest } from '../../realtime/events';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { findCounter, isOperatorOf } from '../db/counters';
import { AppError, forbidden, isAppError, notFound } from '../errors';
import { requireStatsAccess } from '../stats/access';
import { rooms } from './rooms';

const mppStaffRoles = new Set(['mpp_admin', 'supervisor', 'operator']);
const SIGN_IN_FIRST = 'Masuk atau pasangkan perangkat terlebih dahulu (sign in first).';

/** The display and staff rooms of an MPP, also the rule for their snapshots. Null when allowed. */
export function mppRoomRefusal(actor: Actor, room: MppRoom, mppId: string): AppError | null {
	if (actor.kind === 'anonymous') return forbidden(SIGN_IN_FIRST);
	if (actor.kind === 'device') {
		// a stolen TV token must only read its own MPP's display; a kiosk reads it too, for its live
		// waiting counts (what the lobby TV shows anyway: calls and counts, never a waiting number)
		const reader = actor.device.kind === 'display' || actor.device.kind === 'kiosk';
		const allowed = room === 'display' && reader && actor.device.mppId === mppId;
		return allowed ? null : forbidden();
	}
	const { user } = actor;
	if (user.role === 'superadmin') return null;
	return mppStaffRoles.has(user.role) && user.mppId === mppId ? null : forbidden();
}

export function ministryRoomRefusal(actor: Actor): AppError | null {
	const allowed =
		actor.kind === 'user' && (actor.user.role === 'ministry' || actor.user.role === 'superadmin');
	return allowed ? null : forbidden();
}

/**
 * An MPP's figures room: whoever may read its statistics, by the dashboard's own rule, so the page and
 * its room cannot disagree (the ministry for every MPP, superadmin, that MPP's admin and supervisors).
 */
export function figuresRoomRefusal(actor: Actor, mppId: string): AppError | null {
	if (actor.kind === 'anonymous') return forbidden(SIGN_IN_FIRST);
	try {
		requireStatsAccess(actor, mppId);
		return null;
	} catch (error) {
		if (isAppError(error)) return error;
		throw error;
	}
}

/** The room name a validated request may join, or an AppError explaining why not. */
export async function authorizeRoom(db: Db, actor: Actor, request: RoomRequest): Promise<string> {
	switch (request.room) {
		case 'display':
		case 'staff': {
			const refusal = mppRoomRefusal(actor, request.room, request.mppId);
			if (refusal) throw refusal;
			return rooms[request.room](request.mppId);
		}
		case 'ministry': {
			const refusal = ministryRoomRefusal(actor);
			if (refusal) throw refusal;
			return rooms.ministry();
		}
		case 'figures': {
			const refusal = figuresRoomRefusal(actor, request.mppId);
			if (refusal) throw refusal;
			return rooms.figures(request.mppId);
		}
		case 'ticket':
			return rooms.ticket(request.trackCode);
		case 'counter': {
			if (actor.kind === 'device') {
				// a feedback tablet beside a counter learns there which ticket just finished (its survey)
				if (actor.device.kind !== 'feedback') throw forbidden();
				const counter = await findCounter(db, request.counterId);
				if (!counter) throw notFound('Loket tidak ditemukan (counter not found).');
				if (counter.mppId !== actor.device.mppId) throw forbidden();
				return rooms.counter(counter.id);
			}
			if (actor.kind !== 'user') throw forbidden();
			const { user } = actor;
			if (user.role !== 'superadmin' && user.role !== 'mpp_admin' && user.role !== 'operator')
				throw forbidden();
			const counter = await findCounter(db, request.counterId);
			if (!counter) throw notFound('Loket tidak ditemukan (counter not found).');
			if (user.role === 'superadmin') return rooms.counter(counter.id);
			if (counter.mppId !== user.mppId) throw forbidden();
			if (user.role === 'operator' && !(await isOperatorOf(db, user.id, counter.id))) throw forbidden();
			return rooms.counter(counter.id);
		}
	}
}

/** The room name of a request, for leaving (always allowed). */
export function roomName(request: RoomRequest): string {
	switch (request.room) {
		case 'display':
		case 'staff':
			return rooms[request.room](request.mppId);
		case 'counter':
			return rooms.counter(request.counterId);
		case 'ticket':
			return rooms.ticket(request.trackCode);
		case 'ministry':
			return rooms.ministry();
		case 'figures':
			return rooms.figures(request.mppId);
	}
}
