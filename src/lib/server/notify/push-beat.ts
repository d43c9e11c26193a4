// Starts the push sweep on this node; the beat runs it on one node of the cluster per interval.
import { startBeat } from '../bus/beat';
import { envMs } from '../bus/listener';
import { getSql } from '../db/client';
import { sweepPushes } from './push-sweep';
import { vapidKeys } from './vapid-keys';
import { webPushNotifier } from './web-push-sender';

export function startPushSweep(everyMs = envMs('ANTREAN_PUSH_SWEEP_MS', 1000, 100)): void {
	startBeat({
		name: 'push-sweep',
		everyMs,
		run: async () => {
			const sql = getSql();
			await sweepPushes(sql, webPushNotifier(await vapidKeys(sql)));
		}
	});
}
