// Thin socket doors: validate, authorize through access.ts, then join, leave or read a snapshot.
import type { z } from 'zod';
import type { RoomRequest } from '../../realtime/events';
import { getSql } from '../db/client';
import { badRequest, AppError } from '../errors';
import { authorizeRoom, mppRoomRefusal, roomName } from './access';
import { withAck } from './ack';
import { figuresOf } from './figures-room';
import type { AppSocket } from './io';
import { findUnsafeKey } from '../safe-keys';
import { positions } from './positions';
import { rooms } from './rooms';
import { mppRoomSchema, roomRequestSchema, ticketFollowSchema } from './schemas';
import { displaySnapshot, staffSnapshot } from './snapshot';
import { requestAddress } from '../throttle/client-key';
import { lookUpTrackCode } from '../throttle/guesses';
import { followState } from '../tracking';

/** Joined rooms per socket, beyond its own id: enough for a console, not for a memory attack. */
export const MAX_ROOMS = 32;

export function registerSocketHandlers(socket: AppSocket): void {
	const { actor } = socket.data;
	// the client as the HTTP doors see it, so a guess over the socket counts in the same limit
	const address = requestAddress(socket.handshake.headers, socket.handshake.address);
	if (actor.kind === 'user') socket.join(rooms.session(actor.sessionId));
	if (actor.kind === 'device') socket.join(rooms.device(actor.device.id));
	// a TV is paired to one MPP: it follows that MPP's display without asking
	if (actor.kind === 'device' && actor.device.kind === 'display')
		socket.join(rooms.display(actor.device.mppId));

	socket.on(
		'room:join',
		withAck(async (payload) => {
			const request = parse(roomRequestSchema, payload) as RoomRequest;
			const room = await authorizeRoom(getSql(), actor, request);
			if (!socket.rooms.has(room) && socket.rooms.size > MAX_ROOMS) {
				throw new AppError(429, 'too_many_rooms', 'Terlalu banyak ruang diikuti (too many rooms).');
			}
			await socket.join(room);
			// a watcher's first figures come at once: nothing it missed since its page load stays missing
			if (request.room === 'figures') figuresOf(socket.nsp.server).changed(request.mppId);
			return { room };
		})
	);

	socket.on(
		'room:leave',
		withAck(async (payload) => {
			const room = roomName(parse(roomRequestSchema, payload) as RoomRequest);
			await socket.leave(room);
			return { room };
		})
	);

	socket.on(
		'snapshot:get',
		withAck(async (payload) => {
			const { room, mppId } = parse(mppRoomSchema, payload);
			const refusal = mppRoomRefusal(actor, room, mppId);
			if (refusal) throw refusal;
			return room === 'display' ? displaySnapshot(getSql(), mppId) : staffSnapshot(getSql(), mppId);
		})
	);

	socket.on(
		'ticket:follow',
		withAck(async (payload) => {
			// joined before the read: whatever changes after the read arrives as an event
			const { trackCode } = parse(ticketFollowSchema, payload);
			const room = rooms.ticket(trackCode);
			if (!socket.rooms.has(room) && socket.rooms.size > MAX_ROOMS) {
				throw new AppError(429, 'too_many_rooms', 'Terlalu banyak ruang diikuti (too many rooms).');
			}
			await socket.join(room);
			const follow = () => followState(getSql(), trackCode);
			const state = await lookUpTrackCode(getSql(), address, follow).catch(async (error) => {
				await socket.leave(room);
				throw error;
			});
			// this node now tells this phone its place whenever its service's queue moves
			positions().follow(state.ticket.serviceId, trackCode);
			return state;
		})
	);
}

function parse<S extends z.ZodType>(schema: S, payload: unknown): z.infer<S> {
	// socket.io parses JSON: `__proto__` arrives as an own key, refused like in every other door
	const unsafe = findUnsafeKey(payload);
	if (unsafe !== null) throw badRequest(`Permintaan tidak valid (${unsafe})`, 'invalid_payload');
	const result = schema.safeParse(payload);
	if (!result.success) {
		const issue = result.error.issues[0];
		const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
		throw badRequest(
			`Permintaan tidak valid${where}: ${issue?.message ?? 'invalid payload'}`,
			'invalid_payload'
		);
	}
	return result.data;
}
