// Installs Antrean's socket handlers on the io server the entry created, and this node's ear on the
// bus. Called from SvelteKit's `init` hook; calling it again (dev HMR) replaces everything instead of
// adding a second set.
import { stopBeats } from '../bus/beat';
import { startBus, stopBus } from '../bus/start';
import { startNotifySweeps } from '../notify/beats';
import { authenticateSocket } from './authenticate';
import { startBookingSweep } from './booking-sweep';
import { startDayEndSweep } from './day-end';
import { registerSocketHandlers } from './handlers';
import { setHandlers } from './io';
import { startMinistryPulse } from './ministry-pulse';
import { deliver, resyncAll } from './publish';

export function registerRealtime(): void {
	setHandlers({ authenticate: authenticateSocket, connection: registerSocketHandlers, stop: stopRealtime });
	startBus({ deliver, onResync: resyncAll });
	startMinistryPulse();
	startDayEndSweep();
	startNotifySweeps();
	startBookingSweep();
}

/** The node stops listening and ticking (server shutdown, the end of a test). */
export async function stopRealtime(): Promise<void> {
	await stopBeats();
	await stopBus();
}
