// A kiosk's "Ambil Nomor Antrean": validate the form, check the screen may issue, issue through the
// queue engine, whose transaction sends the Outcome on the bus as it commits.
import { z } from 'zod';
import { priorityGroups } from '$lib/domain/types';
import type { Actor } from '../auth/actor';
import type { Sql } from '../db/client';
import { parseWith } from '../http';
import { idempotent } from '../idempotency';
import { issueTicket } from '../queue';
import { queueActorOf } from '../queue-actor';
import { kioskOptions, requireKioskScreen } from './screen';

export const issueFormSchema = z.object({
	serviceId: z.uuid(),
	// the radio group's "not a priority visitor" answer is an empty value
	priorityGroup: z.union([z.enum(priorityGroups), z.literal('').transform(() => null)]).default(null)
});

/**
 * `request` carries the press's Idempotency-Key (the kiosk page sends one per press and the same one
 * on a retry): a retried press answers with the first ticket instead of printing a second. A plain
 * form post (no JavaScript yet) carries the page's key in the field `idempotencyKey` instead.
 */
export async function issueAtKiosk(
	sql: Sql,
	input: {
		slug: string;
		actor: Actor;
		/** read only once the screen may issue: nobody else gets a body parsed (issue 10 item 2) */
		readForm: () => Promise<FormData>;
		request: { request: Request; url: URL };
	}
): Promise<{ trackCode: string; headers: Record<string, string> }> {
	const { mpp, access } = await requireKioskScreen(sql, input.slug, input.actor);
	const fields = await input.readForm();
	const form = parseWith(issueFormSchema, {
		serviceId: fields.get('serviceId') ?? undefined,
		priorityGroup: fields.get('priorityGroup') ?? undefined
	});
	const event = { ...input.request, locals: { actor: input.actor } };
	// the slip options are part of the answer (the address it goes to), so of the request too
	const body = { ...form, ...kioskOptions(fields) };
	// before JavaScript has loaded, the page's own key (a hidden field, new with every page) stands in
	const formKey = fields.get('idempotencyKey');
	const { value, headers } = await idempotent(
		event,
		body,
		(idempotency) =>
			issueTicket(sql, {
				mppId: mpp.id,
				serviceId: form.serviceId,
				priorityGroup: form.priorityGroup,
				source: access === 'device' ? 'kiosk' : 'staff',
				actor: queueActorOf(input.actor),
				idempotency
			}),
		typeof formKey === 'string' && formKey !== '' ? formKey : null
	);
	return { trackCode: value.ticket.trackCode, headers };
}
