// Sends the WhatsApp messages that are due, once per cluster beat, the same way push-sweep.ts sends
// pushes (see there why a sweep over committed state with claim rows): only to citizens who wrote to
// the MPP first, named their ticket, and whose 24-hour service window is still open, and only for
// MPPs whose Cloud API sender is configured.
import type { Sql } from '../db/client';
import { formatClock, localTime, zoneLabel } from '../../domain/local-day';
import {
	claimWhatsApp,
	claimWhatsAppReminder,
	listDueWhatsAppReminders,
	findMppWhatsApp,
	giveUpWhatsApp,
	listDueWhatsApp,
	markWhatsAppSent,
	reclaimUnsentWhatsApp,
	type MppWhatsApp
} from '../db/whatsapp';
import type { Notification, Notifier } from './notifier';
import { pushNotification } from './push-messages';
import { MAX_ATTEMPTS, retryAfterSeconds } from './push-sweep';
import {
	sendWhatsAppTemplate,
	whatsAppNotifier,
	type WhatsAppCredentials,
	type WhatsAppTarget
} from './whatsapp-sender';

export type WhatsAppNotifierFactory = (credentials: WhatsAppCredentials) => Notifier<WhatsAppTarget>;

interface Job {
	mppId: string;
	contactId: string;
	ticketId: string;
	phone: string;
	message: string;
	notification: Notification;
}

export async function sweepWhatsApp(
	sql: Sql,
	makeNotifier: WhatsAppNotifierFactory = (credentials) => whatsAppNotifier(credentials)
): Promise<{ sent: number; failed: number }> {
	const jobs: Job[] = [];
	for (const retry of await reclaimUnsentWhatsApp(sql, retryAfterSeconds(), MAX_ATTEMPTS)) {
		jobs.push({ ...retry, notification: retry.payload as Notification });
	}
	for (const due of await listDueWhatsApp(sql)) {
		const notification = pushNotification(due);
		if (await claimWhatsApp(sql, due, notification)) jobs.push({ ...due, notification });
	}
	const notifiers = new Map<string, Notifier<WhatsAppTarget> | null>();
	const notifierOf = async (mppId: string) => {
		if (!notifiers.has(mppId)) notifiers.set(mppId, credentialsOf(await findMppWhatsApp(sql, mppId)));
		return notifiers.get(mppId) ?? null;
	};
	function credentialsOf(settings: MppWhatsApp | undefined) {
		const { phoneNumberId, accessToken, appSecret } = settings ?? {};
		return phoneNumberId && accessToken && appSecret
			? makeNotifier({ phoneNumberId, accessToken, appSecret })
			: null;
	}
	const result = { sent: 0, failed: 0 };
	for (const job of jobs) {
		const notifier = await notifierOf(job.mppId);
		// the MPP switched the sender off since the claim
		if (!notifier) continue;
		const sent = await notifier.send({ phone: job.phone }, job.notification);
		if (sent.ok) {
			result.sent++;
			await markWhatsAppSent(sql, job);
		} else {
			result.failed++;
			if (sent.gone) await giveUpWhatsApp(sql, job);
			console.error(`WhatsApp message failed (${sent.status}): ${sent.detail}`);
		}
	}
	// booking reminders to a phone given with consent: an approved template, claimed on the booking
	// row and sent at most once (a failed one is logged, not retried: a late reminder only confuses)
	for (const due of await listDueWhatsAppReminders(sql)) {
		if (!(await claimWhatsAppReminder(sql, due.bookingId))) continue;
		const sent = await sendWhatsAppTemplate(due, due.phone, {
			name: due.template,
			language: due.language,
			parameters: [
				due.mppName,
				formatClock(localTime(due.slotStart, due.timezone).minutes),
				zoneLabel(due.timezone),
				due.code
			]
		});
		if (sent.ok) result.sent++;
		else {
			result.failed++;
			console.error(`WhatsApp booking reminder failed (${sent.status}): ${sent.detail}`);
		}
	}
	return result;
}
