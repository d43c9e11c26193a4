import { z } from 'zod';
import { queueOperatorGuard, requireQueueOperator } from '$lib/server/access';
import { getSql } from '$lib/server/db/client';
import { notFound } from '$lib/server/errors';
import { apiHandler, isUuid, json, readJson } from '$lib/server/http';
import { idempotent } from '$lib/server/idempotency';
import { cancel, finish, noShow, recall, start, transfer } from '$lib/server/queue';
import { queueActorOf } from '$lib/server/queue-actor';
import type { RequestHandler } from './$types';

const transferBody = z.strictObject({ serviceId: z.uuid() });

const simpleActions = { recall, start, finish, 'no-show': noShow, cancel } as const;

/**
 * recall | start | finish | no-show | cancel, and transfer `{ "serviceId" }`: the updated ticket.
 * Whether this operator may act on the ticket is decided by the engine on the locked ticket.
 */
export const POST: RequestHandler = apiHandler(async (event) => {
	const { locals, params, request } = event;
	const { id, action } = params;
	if (action !== 'transfer' && !(action in simpleActions)) {
		throw notFound(`Tindakan "${action.slice(0, 30)}" tidak dikenal (unknown action).`, 'unknown_action');
	}
	if (!isUuid(id)) throw notFound('Tiket tidak ditemukan (unknown ticket).', 'ticket_not_found');
	requireQueueOperator(locals.actor);
	const input = action === 'transfer' ? await readJson(request, transferBody) : null;
	const sql = getSql();
	const { value, headers } = await idempotent(event, input, (idempotency) => {
		const common = {
			ticketId: id,
			actor: queueActorOf(locals.actor),
			authorize: queueOperatorGuard(locals.actor),
			idempotency
		};
		return input
			? transfer(sql, { ...common, toServiceId: input.serviceId })
			: simpleActions[action as keyof typeof simpleActions](sql, common);
	});
	return json({ ticket: value.ticket }, 200, headers);
});
