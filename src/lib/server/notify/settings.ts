// An MPP admin's notification settings (issue 12): when "your turn is near" goes out, how long phone
// numbers are kept, the WhatsApp business number citizens write to and, optionally, the Cloud API
// credentials that let Antrean answer. Credentials are write-only: no answer ever contains them.
import { z } from 'zod';
import { normaliseIndonesianPhone } from '$lib/domain/phone';
import type { Sql } from '../db/client';
import { readNotifySettings, updateNotifySettings } from '../db/notify-settings';
import { deleteMppWhatsApp, findMppWhatsApp, upsertMppWhatsApp } from '../db/whatsapp';
import { notFound } from '../errors';

const indonesianNumber = z
	.string()
	.max(32)
	.transform((value, context) => {
		const e164 = normaliseIndonesianPhone(value);
		if (!e164) {
			context.addIssue({
				code: 'custom',
				message: 'nomor Indonesia, mis. +62 812-3456-7890 (an Indonesian number in E.164)'
			});
			return z.NEVER;
		}
		return e164;
	});

export const notifySettingsSchema = z.strictObject({
	nearAhead: z.int().min(0).max(20),
	phoneRetentionDays: z.int().min(1).max(365),
	whatsapp: z
		.strictObject({
			businessNumber: indonesianNumber,
			cloudApi: z
				.strictObject({
					phoneNumberId: z.string().regex(/^[0-9]{5,32}$/, 'digits'),
					accessToken: z.string().min(20).max(1024).regex(/^\S+$/, 'no spaces'),
					appSecret: z.string().min(16).max(256).regex(/^\S+$/, 'no spaces'),
					webhookVerifyToken: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, '16–128 letters, digits, - or _'),
					// an approved template for booking reminders ({{1}} MPP, {{2}} time, {{3}} zone, {{4}} code)
					reminderTemplate: z
						.string()
						.regex(/^[a-z0-9_]{1,512}$/, 'a template name: lowercase letters, digits, _')
						.nullable()
						.optional()
				})
				.nullable()
		})
		.nullable()
});

export type NotifySettingsInput = z.infer<typeof notifySettingsSchema>;

/** What an admin sees back: the number and whether the sender is on, never a secret. */
export interface NotifySettingsView {
	nearAhead: number;
	phoneRetentionDays: number;
	whatsapp: {
		businessNumber: string;
		cloudApi: { phoneNumberId: string; reminderTemplate: string | null } | null;
	} | null;
}

export async function notifySettings(sql: Sql, mppId: string): Promise<NotifySettingsView> {
	const settings = await readNotifySettings(sql, mppId);
	if (!settings) throw notFound('MPP tidak ditemukan (unknown MPP).');
	const whatsapp = await findMppWhatsApp(sql, mppId);
	return {
		...settings,
		whatsapp: whatsapp
			? {
					businessNumber: whatsapp.businessNumber,
					cloudApi: whatsapp.phoneNumberId
						? { phoneNumberId: whatsapp.phoneNumberId, reminderTemplate: whatsapp.reminderTemplate }
						: null
				}
			: null
	};
}

export async function saveNotifySettings(
	sql: Sql,
	mppId: string,
	input: NotifySettingsInput
): Promise<NotifySettingsView> {
	await sql.begin(async (tx) => {
		await updateNotifySettings(tx, mppId, input);
		if (!input.whatsapp) return deleteMppWhatsApp(tx, mppId);
		const api = input.whatsapp.cloudApi;
		await upsertMppWhatsApp(tx, {
			mppId,
			businessNumber: input.whatsapp.businessNumber,
			phoneNumberId: api?.phoneNumberId ?? null,
			accessToken: api?.accessToken ?? null,
			appSecret: api?.appSecret ?? null,
			webhookVerifyToken: api?.webhookVerifyToken ?? null,
			reminderTemplate: api?.reminderTemplate ?? null
		});
	});
	return notifySettings(sql, mppId);
}
