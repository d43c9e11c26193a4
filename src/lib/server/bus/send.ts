// Sending on the bus. Inside a transaction a message leaves with its COMMIT (PostgreSQL delivers
// notifications at commit, in commit order, and never for a rollback), so no node ever hears of a
// change that did not happen, or misses one that did because a door forgot to publish it.
import { MAX_NOTIFY_BYTES, notify, notifyStored, takeSeqsAndNotify } from '../db/bus';
import type { Db } from '../db/client';
import { uuidv7 } from '../ids';
import type { OutcomeDraft } from '../queue/record';
import type { BusMessage } from './messages';

/** Any message but an Outcome (those take a seq: see sendOutcome). */
export async function send(db: Db, message: Exclude<BusMessage, { kind: 'outcome' }>): Promise<void> {
	const body = JSON.stringify(message);
	if (Buffer.byteLength(body) <= MAX_NOTIFY_BYTES) await notify(db, body);
	else await notifyStored(db, uuidv7(), body);
}

/**
 * Takes the MPP's next event seq and sends the Outcome with it, in one statement: the last of the
 * queue transaction (see queueTransaction), so the seq row is locked only until COMMIT.
 */
export async function sendOutcome(db: Db, draft: OutcomeDraft): Promise<number> {
	const [seq] = await sendOutcomes(db, draft.mppId, [draft]);
	return seq;
}

/** Outcomes of one MPP, in this order, each with the next seq: one statement however many. */
export function sendOutcomes(db: Db, mppId: string, drafts: OutcomeDraft[]): Promise<number[]> {
	const messages = drafts.map((draft) => {
		if (draft.mppId !== mppId) throw new Error(`an outcome of MPP ${draft.mppId} among ${mppId}'s`);
		const body = JSON.stringify({ kind: 'outcome', outcome: draft });
		// `{"seq":N,` is prepended in SQL: the body without its opening brace
		const rest = body.slice(1);
		return { rest, storedId: Buffer.byteLength(rest) + 24 > MAX_NOTIFY_BYTES ? uuidv7() : null };
	});
	return takeSeqsAndNotify(db, mppId, messages);
}

/** Sockets of these sessions and devices end on every node (logout, deactivation, revocation). */
export async function sendDisconnect(
	db: Db,
	target: { sessions?: string[]; devices?: string[] }
): Promise<void> {
	const sessions = target.sessions ?? [];
	const devices = target.devices ?? [];
	if (sessions.length + devices.length === 0) return;
	await send(db, { kind: 'disconnect', sessions, devices });
}
