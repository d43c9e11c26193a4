// The admin's notification settings form (issue 12): the "near" threshold, phone retention, the MPP's
// WhatsApp number and the Cloud API credentials. Credentials are write-only: the form never shows
// them, a blank credential field keeps the stored one, and the audit trail records only that they
// changed. The JSON door (notify/settings.ts) replaces everything at once instead.
import { z } from 'zod';
import { normaliseIndonesianPhone } from '$lib/domain/phone';
import { requireMppAccess } from '../access';
import type { Actor } from '../auth/actor';
import type { Sql } from '../db/client';
import { updateNotifySettings, readNotifySettings } from '../db/notify-settings';
import { deleteMppWhatsApp, findMppWhatsApp, upsertMppWhatsApp } from '../db/whatsapp';
import { audit, diff } from './audit';
import { fieldError, parseInput, problemMessage, whole } from './input';
import { save, type Saved } from './live';

const blankable = (max: number, pattern: RegExp, key: string) =>
	z
		.string()
		.trim()
		.max(max, problemMessage('admin.invalid.tooLong', { max }))
		// blank is allowed: the field is off (the WhatsApp id) or keeps what is stored (a credential)
		.refine((v) => v === '' || pattern.test(v), problemMessage(key))
		.optional()
		.transform((v) => v || null);

const formSchema = z.object({
	nearAhead: whole(0, 20),
	phoneRetentionDays: whole(1, 365),
	businessNumber: z
		.string()
		.trim()
		.max(32, problemMessage('admin.invalid.tooLong', { max: 32 }))
		.optional()
		.transform((value, context) => {
			if (!value) return null;
			const e164 = normaliseIndonesianPhone(value);
			if (!e164)
				context.addIssue({ code: 'custom', message: problemMessage('admin.invalid.phoneIndonesia') });
			return e164;
		}),
	phoneNumberId: blankable(32, /^[0-9]{5,32}$/, 'admin.invalid.phoneNumberId'),
	accessToken: blankable(1024, /^\S{20,}$/, 'admin.invalid.secret'),
	appSecret: blankable(256, /^\S{16,}$/, 'admin.invalid.secret'),
	webhookVerifyToken: blankable(128, /^[A-Za-z0-9_-]{16,128}$/, 'admin.invalid.verifyToken'),
	// not a secret: blank turns WhatsApp booking reminders off
	reminderTemplate: blankable(512, /^[a-z0-9_]{1,512}$/, 'admin.invalid.templateName')
});

export async function saveNotificationSettings(
	sql: Sql,
	actor: Actor,
	mppId: string,
	values: Record<string, unknown>
): Promise<Saved<null>> {
	requireMppAccess(actor, mppId, { roles: ['mpp_admin'] });
	const input = parseInput(formSchema, values);
	const before = await findMppWhatsApp(sql, mppId);
	const beforeSettings = await readNotifySettings(sql, mppId);
	if (input.phoneNumberId && !input.businessNumber)
		throw fieldError('businessNumber', 'admin.invalid.required');
	const keep = input.phoneNumberId && before?.phoneNumberId ? before : null;
	const credentials = input.phoneNumberId
		? {
				accessToken: input.accessToken ?? keep?.accessToken ?? null,
				appSecret: input.appSecret ?? keep?.appSecret ?? null,
				webhookVerifyToken: input.webhookVerifyToken ?? keep?.webhookVerifyToken ?? null
			}
		: null;
	for (const [field, value] of Object.entries(credentials ?? {})) {
		if (!value) throw fieldError(field, 'admin.invalid.required');
	}
	return save(sql, async ({ tx }) => {
		await updateNotifySettings(tx, mppId, input);
		if (input.businessNumber) {
			await upsertMppWhatsApp(tx, {
				mppId,
				businessNumber: input.businessNumber,
				phoneNumberId: input.phoneNumberId,
				accessToken: credentials?.accessToken ?? null,
				appSecret: credentials?.appSecret ?? null,
				webhookVerifyToken: credentials?.webhookVerifyToken ?? null,
				reminderTemplate: input.phoneNumberId ? input.reminderTemplate : null
			});
		} else {
			await deleteMppWhatsApp(tx, mppId);
		}
		const changes = diff(
			{
				...beforeSettings,
				businessNumber: before?.businessNumber,
				phoneNumberId: before?.phoneNumberId,
				reminderTemplate: before?.reminderTemplate ?? null
			},
			{ ...input, businessNumber: input.businessNumber, phoneNumberId: input.phoneNumberId },
			['nearAhead', 'phoneRetentionDays', 'businessNumber', 'phoneNumberId', 'reminderTemplate']
		);
		// that the secrets changed, never what they are
		if (input.accessToken || input.appSecret || input.webhookVerifyToken)
			changes.credentials = ['•••', '•••'];
		if (actor.kind === 'user' && Object.keys(changes).length > 0) {
			await audit(tx, {
				mppId,
				userId: actor.user.id,
				entity: 'mpp',
				entityId: mppId,
				entityName: 'notifications',
				action: 'updated',
				changes
			});
		}
		return null;
	});
}
