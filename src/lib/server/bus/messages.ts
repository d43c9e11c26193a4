// What travels on the PostgreSQL bus between nodes (issue 11). Every node hears every message and
// acts on its own sockets only; nothing here is addressed to one node except a keepalive's echo.
import type { MinistryTodayEvent } from '../../realtime/events';
import type { Outcome } from '../queue/outcome';

export type BusMessage =
	/** a queue change, with the MPP's seq taken in the same statement that notified it */
	| { kind: 'outcome'; seq: number; outcome: Omit<Outcome, 'seq'> }
	/** an admin's new running text for the MPP's TVs and consoles (outside the seq) */
	| { kind: 'running-text'; mppId: string; text: string }
	/** sockets of ended sessions and revoked devices, wherever they are connected */
	| { kind: 'disconnect'; sessions: string[]; devices: string[] }
	/** the national figures, computed once per beat by one node for every node's ministry room */
	| { kind: 'ministry-today'; event: MinistryTodayEvent }
	/** rows of the MPP arrived from elsewhere (an edge's batch): its screens here fetch a fresh snapshot */
	| { kind: 'resync'; mppId: string }
	/** a node's keepalive: it must hear its own, or its listener is deaf */
	| { kind: 'ping'; node: string; n: number };

export type BusMessageKind = BusMessage['kind'];

/**
 * A payload from the channel, or null when it is not one of ours. Only nodes write to the channel,
 * but a stray `NOTIFY antrean` from psql must not crash a node.
 */
export function parseBusMessage(text: string): BusMessage | { ref: string } | null {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return null;
	}
	if (!value || typeof value !== 'object') return null;
	const message = value as Record<string, unknown>;
	if (typeof message.ref === 'string') return { ref: message.ref };
	switch (message.kind) {
		case 'outcome':
			return typeof message.seq === 'number' && isObject(message.outcome) ? (message as BusMessage) : null;
		case 'running-text':
			return typeof message.mppId === 'string' && typeof message.text === 'string'
				? (message as BusMessage)
				: null;
		case 'disconnect':
			return isStrings(message.sessions) && isStrings(message.devices) ? (message as BusMessage) : null;
		case 'ministry-today':
			return isObject(message.event) ? (message as BusMessage) : null;
		case 'resync':
			return typeof message.mppId === 'string' ? (message as BusMessage) : null;
		case 'ping':
			return typeof message.node === 'string' && typeof message.n === 'number'
				? (message as BusMessage)
				: null;
		default:
			return null;
	}
}

/** The Outcome a node emits: the draft with the seq the notifying statement took. */
export function outcomeOf(message: Extract<BusMessage, { kind: 'outcome' }>): Outcome {
	return { ...message.outcome, seq: message.seq };
}

const isObject = (value: unknown): value is object => !!value && typeof value === 'object';
const isStrings = (value: unknown): value is string[] =>
	Array.isArray(value) && value.every((item) => typeof item === 'string');
