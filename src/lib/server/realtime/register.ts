// Installs Antrean's socket handlers on the io server the entry created. Called from SvelteKit's
// `init` hook; calling it again (dev HMR) replaces the handlers instead of adding a second set.
import { authenticateSocket } from './authenticate';
import { startDayEndSweep } from './day-end';
import { registerSocketHandlers } from './handlers';
import { setHandlers } from './io';
import { startMinistryPulse } from './ministry-pulse';

export function registerRealtime(): void {
	setHandlers({ authenticate: authenticateSocket, connection: registerSocketHandlers });
	startMinistryPulse();
	startDayEndSweep();
}
