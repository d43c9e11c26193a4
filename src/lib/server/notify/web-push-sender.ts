// The Web Push sender (library `web-push`): encrypts the notification for the browser's keys (RFC
// 8291) and posts it to the browser's push service, signed with our VAPID key.
import webpush, { WebPushError } from 'web-push';
import type { Notification, Notifier, SendResult } from './notifier';
import type { VapidKeys } from './vapid-keys';

export interface PushSubscriptionTarget {
	endpoint: string;
	p256dh: string;
	auth: string;
}

/** What the service worker (static/push-sw.js) reads from a push event. */
export function pushPayload(notification: Notification): string {
	const { title, body, url, tag } = notification;
	return JSON.stringify({ title, body, url, tag });
}

export function webPushNotifier(keys: VapidKeys, timeoutMs = 10_000): Notifier<PushSubscriptionTarget> {
	return {
		channel: 'web-push',
		async send(target, notification): Promise<SendResult> {
			try {
				await webpush.sendNotification(
					{ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
					pushPayload(notification),
					{
						vapidDetails: keys,
						TTL: notification.ttlSeconds,
						urgency: notification.urgency,
						timeout: timeoutMs
					}
				);
				return { ok: true };
			} catch (error) {
				if (error instanceof WebPushError) {
					const gone = error.statusCode === 404 || error.statusCode === 410;
					return { ok: false, gone, status: error.statusCode, detail: error.body || error.message };
				}
				return { ok: false, gone: false, status: null, detail: (error as Error)?.message ?? String(error) };
			}
		}
	};
}
