// SQL of the PostgreSQL bus (issue 11): notifications that leave with a commit, the rows of messages
// too large for a NOTIFY payload, and the beats that make a timer run once per cluster.
import type { Db } from './client';

export const BUS_CHANNEL = 'antrean';
/** PostgreSQL refuses payloads of 8000 bytes or more; the rest of the margin is the `seq` prefix. */
export const MAX_NOTIFY_BYTES = 7900;

/** A notification, delivered at commit when `db` is a transaction, at once otherwise. */
export async function notify(db: Db, payload: string): Promise<void> {
	await db`SELECT pg_notify(${BUS_CHANNEL}, ${payload})`;
}

/** Stores a large message and notifies its id (in the same transaction when `db` is one). */
export async function notifyStored(db: Db, id: string, body: string): Promise<void> {
	await db`
		WITH stored AS (INSERT INTO bus_messages (id, body) VALUES (${id}, ${body}))
		SELECT pg_notify(${BUS_CHANNEL}, ${JSON.stringify({ ref: id })})`;
}

/**
 * Takes the MPP's next event seqs, one per message in order, and notifies the messages in one
 * statement. Each `rest` is a message's JSON without its opening brace, so a payload becomes
 * `{"seq":N,…}` without PostgreSQL parsing JSON on the hottest path of the queue. A message with a
 * `storedId` goes to bus_messages instead and only its id is notified. An upsert, as queueTransaction
 * sends COMMIT without waiting for this answer: the statement must always yield the seqs. One
 * statement for a whole batch of calls (queue/mpp-batch.ts): the seq row gets one new version, not
 * one per call.
 */
export async function takeSeqsAndNotify(
	db: Db,
	mppId: string,
	messages: { rest: string; storedId: string | null }[]
): Promise<number[]> {
	const n = messages.length;
	if (n === 0) return [];
	const rows = await db<{ seq: number }[]>`
		WITH s AS (
			INSERT INTO mpp_event_seq (mpp_id, seq) VALUES (${mppId}, ${n})
			ON CONFLICT (mpp_id) DO UPDATE SET seq = mpp_event_seq.seq + ${n}
			RETURNING seq - ${n} AS base
		), m AS (
			SELECT s.base + r.i AS seq, r.rest, r.stored
			FROM s, unnest(${messages.map((m) => m.rest)}::text[], ${messages.map((m) => m.storedId)}::uuid[])
				WITH ORDINALITY AS r(rest, stored, i)
		), stored AS (
			INSERT INTO bus_messages (id, body) SELECT m.stored, '{"seq":' || m.seq || ',' || m.rest FROM m
			WHERE m.stored IS NOT NULL
		)
		-- PostgreSQL evaluates a volatile output column after ORDER BY: the notifications leave in seq order
		SELECT m.seq, pg_notify(${BUS_CHANNEL},
			CASE WHEN m.stored IS NULL THEN '{"seq":' || m.seq || ',' || m.rest ELSE '{"ref":"' || m.stored || '"}' END)
		FROM m ORDER BY m.seq`;
	return rows.map((row) => row.seq);
}

export async function readStoredMessage(db: Db, id: string): Promise<string | null> {
	const [row] = await db<{ body: string }[]>`SELECT body FROM bus_messages WHERE id = ${id}`;
	return row?.body ?? null;
}

export async function purgeStoredMessages(db: Db, olderThanSeconds = 3600): Promise<number> {
	const rows = await db`
		DELETE FROM bus_messages WHERE created_at < now() - make_interval(secs => ${olderThanSeconds})`;
	return rows.count;
}

/**
 * True for the one node that moves this beat forward: the row's time is at least `everyMs` old (or
 * new). Nodes that try within the same interval get false, so the work runs once per cluster.
 */
export async function claimBeat(db: Db, name: string, everyMs: number): Promise<boolean> {
	const rows = await db`
		INSERT INTO cluster_beats (name, last_at) VALUES (${name}, now())
		ON CONFLICT (name) DO UPDATE SET last_at = now()
		WHERE cluster_beats.last_at <= now() - make_interval(secs => ${everyMs / 1000})
		RETURNING name`;
	return rows.length === 1;
}
