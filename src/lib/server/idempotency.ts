// Idempotency-Key on every POST that changes the queue (issue 10 item 6, DESIGN "Realtime protocol";
// the header as in https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/).
//
// A retried call-next must not finish the ticket it just called and call another; a retried kiosk
// press must not print a second ticket. The door reads the key (readIdempotencyKey), the queue engine
// takes it as the first statement of its own transaction and stores its answer before COMMIT
// (claimIdempotencyKey, saveIdempotencyResponse), and the door answers a replay from that row
// (idempotent). Because key and change commit together, a key is either absent (nothing happened) or
// complete; a second request with the same key waits on the key's primary key until the first
// commits and then replays, so racing retries also change the queue once. A first attempt that was
// refused rolls back with its key: nothing happened, so a retry simply runs again.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Actor } from './auth/actor';
import type { Db, Tx } from './db/client';
import {
	deleteExpiredIdempotencyKeys,
	findIdempotencyKey,
	insertIdempotencyKey,
	saveIdempotencyResponse
} from './db/idempotency-keys';
import { badRequest, conflict, unprocessable } from './errors';
import type { Outcome } from './queue/outcome';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Set on an answer that repeats a stored one. */
export const REPLAYED_HEADER = 'idempotent-replayed';

// A UUID is 36 characters; allow other generators' keys, but nothing that could smuggle markup,
// whitespace or a megabyte into the table.
const keyPattern = /^[A-Za-z0-9._:~-]{8,128}$/;

export interface IdempotencyClaim {
	/** the person or device that sent it: keys are scoped per caller */
	caller: string;
	key: string;
	/** SHA-256 of method, path and query, body and caller */
	requestHash: string;
}

/**
 * The request's Idempotency-Key, or null when it sent none. `body` is the validated input (a JSON
 * body or form fields), so the key is read after the body and refused with 400 when malformed.
 * `formKey` is a key a plain HTML form carries in a hidden field; the header wins over it.
 */
export function readIdempotencyKey(
	event: { request: Request; url: URL },
	actor: Actor,
	body: unknown = null,
	formKey: string | null = null
): IdempotencyClaim | null {
	const key = event.request.headers.get(IDEMPOTENCY_HEADER) ?? formKey;
	if (key === null) return null;
	if (!keyPattern.test(key)) {
		throw badRequest(
			'Idempotency-Key harus 8–128 karakter huruf, angka atau . _ : ~ - (invalid Idempotency-Key).',
			'invalid_idempotency_key'
		);
	}
	const caller =
		actor.kind === 'user'
			? `user:${actor.user.id}`
			: actor.kind === 'device'
				? `device:${actor.device.id}`
				: 'anonymous';
	const request = JSON.stringify([event.request.method, event.url.pathname + event.url.search, caller, body]);
	return { caller, key, requestHash: encodeHexLowerCase(sha256(new TextEncoder().encode(request))) };
}

/** Thrown inside the engine's transaction when the key already holds an answer; `idempotent` catches it. */
export class IdempotentReplay {
	constructor(
		readonly claim: IdempotencyClaim,
		readonly response: unknown
	) {}
}

/**
 * The first statement of a queue transaction that carries a key: takes it, or throws IdempotentReplay
 * with the stored answer, or 422 when the key was used for a different request.
 */
export async function claimIdempotencyKey(tx: Tx, claim: IdempotencyClaim): Promise<void> {
	if (await insertIdempotencyKey(tx, claim)) return;
	const stored = await findIdempotencyKey(tx, claim);
	// Cannot happen while key and answer commit together; should a row ever be seen without its
	// answer, the request is still running somewhere: say so rather than run it a second time.
	if (!stored || stored.response === null) {
		throw conflict(
			'Permintaan dengan Idempotency-Key ini masih diproses; coba lagi sebentar lagi (request in progress).',
			'idempotency_key_in_progress'
		);
	}
	if (stored.requestHash !== claim.requestHash) {
		throw unprocessable(
			'Idempotency-Key ini sudah dipakai untuk permintaan lain (key reused with a different request).',
			'idempotency_key_reused'
		);
	}
	throw new IdempotentReplay(claim, stored.response);
}

/** Stores the engine's answer under the key, in the same transaction, before COMMIT. */
export function saveIdempotencyResult(tx: Tx, claim: IdempotencyClaim, response: unknown): Promise<void> {
	return saveIdempotencyResponse(tx, claim, response);
}

/**
 * Runs one engine operation under the request's key (if it sent one): the result without its Outcome
 * (what the door answers with, the same on a replay; the Outcome itself went out on the bus with the
 * commit, and a replay sends nothing again), and the headers that mark a replay. `body` is the
 * validated input.
 */
export async function idempotent<R extends { outcome: Outcome | null }>(
	event: { request: Request; url: URL; locals: { actor: Actor } },
	body: unknown,
	run: (idempotency: IdempotencyClaim | null) => Promise<R>,
	formKey: string | null = null
): Promise<{ value: Omit<R, 'outcome'>; headers: Record<string, string> }> {
	const claim = readIdempotencyKey(event, event.locals.actor, body, formKey);
	try {
		// eslint-disable-next-line @typescript-eslint/no-unused-vars -- already sent on the bus
		const { outcome, ...value } = await run(claim);
		return { value, headers: {} };
	} catch (error) {
		if (!(error instanceof IdempotentReplay) || error.claim !== claim) throw error;
		return {
			value: error.response as Omit<R, 'outcome'>,
			headers: { [REPLAYED_HEADER]: 'true' }
		};
	}
}

// Keys live 24 hours. Purging on the side of the traffic that creates them costs one indexed DELETE
// per process every few minutes, and needs no scheduler; an expired key not yet purged is taken over
// by insertIdempotencyKey anyway.
const PURGE_EVERY_MS = 5 * 60_000;
let lastPurge = 0;

export function purgeExpiredKeysSometimes(db: Db, now = Date.now()): void {
	if (now - lastPurge < PURGE_EVERY_MS) return;
	lastPurge = now;
	deleteExpiredIdempotencyKeys(db).catch((error) => console.error('idempotency key purge failed', error));
}
