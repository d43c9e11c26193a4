// Idempotency key rows (issue 10 item 6). Written only inside a queue transaction, see idempotency.ts.
import type { Db, Tx } from './client';

export interface IdempotencyKeyRow {
	requestHash: string;
	response: unknown;
}

/**
 * Takes the key for this transaction: true when it is ours (new, or older than 24 h and so taken over).
 * A concurrent transaction holding the same key makes this wait until it commits or rolls back.
 */
export async function insertIdempotencyKey(
	tx: Tx,
	k: { caller: string; key: string; requestHash: string }
): Promise<boolean> {
	const rows = await tx`
		INSERT INTO idempotency_keys (caller, key, request_hash)
		VALUES (${k.caller}, ${k.key}, ${k.requestHash})
		ON CONFLICT (caller, key) DO UPDATE
			SET request_hash = EXCLUDED.request_hash, response = NULL, created_at = now()
			WHERE idempotency_keys.created_at < now() - interval '24 hours'
		RETURNING 1`;
	return rows.length === 1;
}

export async function findIdempotencyKey(
	db: Db,
	k: { caller: string; key: string }
): Promise<IdempotencyKeyRow | undefined> {
	const [row] = await db<{ requestHash: string; response: string | null }[]>`
		SELECT request_hash AS "requestHash", response
		FROM idempotency_keys WHERE caller = ${k.caller} AND key = ${k.key}`;
	return (
		row && { requestHash: row.requestHash, response: row.response === null ? null : JSON.parse(row.response) }
	);
}

export async function saveIdempotencyResponse(
	tx: Tx,
	k: { caller: string; key: string },
	response: unknown
): Promise<void> {
	await tx`
		UPDATE idempotency_keys SET response = ${JSON.stringify(response)}
		WHERE caller = ${k.caller} AND key = ${k.key}`;
}

export async function deleteExpiredIdempotencyKeys(db: Db): Promise<number> {
	const result = await db`DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`;
	return result.count;
}
