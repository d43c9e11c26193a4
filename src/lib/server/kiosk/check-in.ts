// The kiosk's check-in by booking code (issue 12): only this MPP's screen, only this MPP's bookings.
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { checkIn } from '../booking/check-in';
import type { Sql } from '../db/client';
import { parseWith } from '../http';
import { queueActorOf } from '../queue-actor';
import { requireKioskScreen } from './screen';

// a typed code (XXXX-XXXX) or a scanned signed QR (a few hundred characters)
const checkInForm = z.object({ code: z.string().trim().min(1).max(600) });

export async function checkInAtKiosk(
	sql: Sql,
	input: { slug: string; actor: Actor; readForm: () => Promise<FormData> }
): Promise<{ trackCode: string; late: boolean }> {
	const { mpp } = await requireKioskScreen(sql, input.slug, input.actor);
	const fields = await input.readForm();
	const { code } = parseWith(checkInForm, { code: fields.get('code') ?? undefined });
	const checked = await checkIn(sql, { code, mppId: mpp.id, actor: queueActorOf(input.actor) });
	return { trackCode: checked.ticket.trackCode, late: checked.late };
}
