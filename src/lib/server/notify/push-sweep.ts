// Sends the pushes that are due, once per cluster beat (issue 12).
//
// Why a sweep over committed state and not a send from the bus listener: every node hears every bus
// event, a deaf or restarting node misses some, and a place can change without an event naming that
// ticket. Reading what is due from the tables after commit misses nothing (a restart just sweeps
// again), and one node per beat sends (bus/beat.ts). The claim row (push_deliveries' primary key) is
// the guarantee beneath: even two sweeps at once (a beat handed over mid-send, a CLI) send a message
// once. The price is up to one beat of delay (1 s), well inside a citizen's walk to the counter.
//
// A crash after the push service accepted but before `sent_at` was written sends that one message
// again on retry; a push service cannot be asked what it got, so this is the smallest window left.
import { envMs } from '../bus/listener';
import type { Sql } from '../db/client';
import {
	claimPush,
	deleteEndedPushSubscriptions,
	deletePushSubscription,
	listDuePushes,
	listDueReminders,
	markPushSent,
	reclaimUnsentPushes,
	type PushTarget
} from '../db/push';
import type { Notification, Notifier } from './notifier';
import { pushNotification, reminderNotification } from './push-messages';
import type { PushSubscriptionTarget } from './web-push-sender';

/**
 * A claim not marked sent after this long is taken again: longer than a push request may take (its
 * timeout is 10 s), so a slow send is never doubled. ANTREAN_NOTIFY_RETRY_MS for tests.
 */
export const retryAfterSeconds = () => envMs('ANTREAN_NOTIFY_RETRY_MS', 30_000, 100) / 1000;
export const MAX_ATTEMPTS = 3;

export interface PushSweepResult {
	sent: number;
	failed: number;
	gone: number;
	ended: number;
}

export async function sweepPushes(
	sql: Sql,
	notifier: Notifier<PushSubscriptionTarget>
): Promise<PushSweepResult> {
	const result: PushSweepResult = { sent: 0, failed: 0, gone: 0, ended: 0 };
	result.ended = await deleteEndedPushSubscriptions(sql);
	const jobs: { target: PushTarget; message: string; notification: Notification }[] = [];
	for (const retry of await reclaimUnsentPushes(sql, retryAfterSeconds(), MAX_ATTEMPTS)) {
		jobs.push({ target: retry, message: retry.message, notification: retry.payload as Notification });
	}
	for (const due of await listDuePushes(sql)) {
		const notification = pushNotification(due);
		if (await claimPush(sql, due.subscriptionId, due.message, notification)) {
			jobs.push({ target: due, message: due.message, notification });
		}
	}
	// a booking's reminder, once per subscription, when its window is near (issue 12)
	for (const due of await listDueReminders(sql)) {
		const notification = reminderNotification(due);
		if (await claimPush(sql, due.subscriptionId, due.message, notification)) {
			jobs.push({ target: due, message: due.message, notification });
		}
	}
	await Promise.all(
		jobs.map(async ({ target, message, notification }) => {
			const sent = await notifier.send(target, notification);
			if (sent.ok) {
				result.sent++;
				await markPushSent(sql, target.subscriptionId, message);
			} else if (sent.gone) {
				// the browser unsubscribed or the subscription expired: it will never work again
				result.gone++;
				await deletePushSubscription(sql, target.subscriptionId);
			} else {
				result.failed++;
				console.error(`push to ${new URL(target.endpoint).host} failed (${sent.status}): ${sent.detail}`);
			}
		})
	);
	return result;
}
