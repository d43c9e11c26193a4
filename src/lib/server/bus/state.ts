// Whether this node hears the bus (PostgreSQL LISTEN on the `antrean` channel), for /readyz and the
// logs. Kept on globalThis like io.ts: the server entry and the SvelteKit bundle load separate copies.
const slot = Symbol.for('antrean.bus.state');

export interface BusState {
	/** LISTEN is active and the last keepalive came back in time */
	listening: boolean;
	/** when `listening` last changed (ISO) */
	since: string;
}

type Slots = typeof globalThis & { [slot]?: BusState };
const slots = globalThis as Slots;

export function busState(): BusState {
	return slots[slot] ?? { listening: false, since: new Date(0).toISOString() };
}

export function isBusListening(): boolean {
	return busState().listening;
}

export function setBusListening(listening: boolean): void {
	if (slots[slot]?.listening === listening) return;
	slots[slot] = { listening, since: new Date().toISOString() };
}
