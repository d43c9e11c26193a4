import { z } from 'zod';
import { requireTicketOperator } from '$lib/server/access';
import { getSql } from '$lib/server/db/client';
import { listCounterIdsServing } from '$lib/server/db/counters';
import { notFound } from '$lib/server/errors';
import { apiHandler, isUuid, json, readJson } from '$lib/server/http';
import { cancel, finish, noShow, recall, start, ticketAccessInfo, transfer } from '$lib/server/queue';
import { queueActorOf } from '$lib/server/queue-actor';
import { publish } from '$lib/server/realtime/publish';
import type { RequestHandler } from './$types';

const transferBody = z.strictObject({ serviceId: z.uuid() });

const simpleActions = { recall, start, finish, 'no-show': noShow, cancel } as const;

/** recall | start | finish | no-show | cancel, and transfer `{ "serviceId" }`: the updated ticket. */
export const POST: RequestHandler = apiHandler(async ({ locals, params, request }) => {
	const { id, action } = params;
	if (action !== 'transfer' && !(action in simpleActions)) {
		throw notFound(`Tindakan "${action.slice(0, 30)}" tidak dikenal (unknown action).`, 'unknown_action');
	}
	const sql = getSql();
	const info = isUuid(id) ? await ticketAccessInfo(sql, id) : undefined;
	if (!info) throw notFound('Tiket tidak ditemukan (unknown ticket).', 'ticket_not_found');
	await requireTicketOperator(sql, locals.actor, {
		mppId: info.mppId,
		counterId: info.counterId,
		servingCounterIds: await listCounterIdsServing(sql, info.serviceId)
	});
	const actor = queueActorOf(locals.actor);
	const result =
		action === 'transfer'
			? await transfer(sql, {
					ticketId: id,
					toServiceId: (await readJson(request, transferBody)).serviceId,
					actor
				})
			: await simpleActions[action as keyof typeof simpleActions](sql, { ticketId: id, actor });
	publish(result.outcome);
	return json({ ticket: result.ticket });
});
