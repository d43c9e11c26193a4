// Starts the notification sweeps on this node; each beat runs on one node of the cluster per interval.
import { startBeat } from '../bus/beat';
import { envMs } from '../bus/listener';
import { getSql } from '../db/client';
import { startPhoneRetention } from './phone-retention';
import { sweepPushes } from './push-sweep';
import { sweepWhatsApp } from './whatsapp-sweep';
import { vapidKeys } from './vapid-keys';
import { webPushNotifier } from './web-push-sender';

export function startNotifySweeps(everyMs = envMs('ANTREAN_NOTIFY_SWEEP_MS', 1000, 100)): void {
	startBeat({
		name: 'push-sweep',
		everyMs,
		run: async () => {
			const sql = getSql();
			await sweepPushes(sql, webPushNotifier(await vapidKeys(sql)));
		}
	});
	startBeat({ name: 'whatsapp-sweep', everyMs, run: async () => void (await sweepWhatsApp(getSql())) });
	startPhoneRetention();
}
