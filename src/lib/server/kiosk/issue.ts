// A kiosk's "Ambil Nomor Antrean": validate the form, check the screen may issue, issue through the
// queue engine. The door publishes the Outcome after this returns (the engine has committed).
import { z } from 'zod';
import { priorityGroups } from '$lib/domain/types';
import type { Actor } from '../auth/actor';
import type { Sql } from '../db/client';
import { parseWith } from '../http';
import { issueTicket, type Outcome } from '../queue';
import { queueActorOf } from '../queue-actor';
import { requireKioskScreen } from './screen';

export const issueFormSchema = z.object({
	serviceId: z.uuid(),
	// the radio group's "not a priority visitor" answer is an empty value
	priorityGroup: z.union([z.enum(priorityGroups), z.literal('').transform(() => null)]).default(null)
});

export async function issueAtKiosk(
	sql: Sql,
	input: { slug: string; actor: Actor; form: FormData }
): Promise<{ trackCode: string; outcome: Outcome }> {
	const { mpp, access } = await requireKioskScreen(sql, input.slug, input.actor);
	const form = parseWith(issueFormSchema, {
		serviceId: input.form.get('serviceId') ?? undefined,
		priorityGroup: input.form.get('priorityGroup') ?? undefined
	});
	const issued = await issueTicket(sql, {
		mppId: mpp.id,
		serviceId: form.serviceId,
		priorityGroup: form.priorityGroup,
		source: access === 'device' ? 'kiosk' : 'staff',
		actor: queueActorOf(input.actor)
	});
	return { trackCode: issued.ticket.trackCode, outcome: issued.outcome };
}
