// Starts this node's bus listener and keeps it in one process-wide slot (the SvelteKit bundle and the
// server entry share globalThis), so a second registration (dev HMR, a test harness) replaces it.
import { getSql } from '../db/client';
import { startBusListener, type BusListener } from './listener';
import type { BusMessage } from './messages';

const slot = Symbol.for('antrean.bus.listener');
type Slots = typeof globalThis & { [slot]?: BusListener };
const slots = globalThis as Slots;

export function startBus(handlers: {
	deliver(message: BusMessage): void;
	onResync(): void;
}): BusListener | null {
	void stopBus();
	const url = process.env.DATABASE_URL;
	if (!url) {
		console.error('DATABASE_URL is not set: this node does not listen on the bus');
		return null;
	}
	slots[slot] = startBusListener({ url, sql: getSql, ...handlers });
	return slots[slot];
}

export function currentBus(): BusListener | undefined {
	return slots[slot];
}

export async function stopBus(): Promise<void> {
	const listener = slots[slot];
	slots[slot] = undefined;
	await listener?.stop();
}
