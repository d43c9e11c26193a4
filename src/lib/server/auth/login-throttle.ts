// The rules that slow down password guessing without locking anyone out (issue 10 item 7).
//
// - Per account and client: the first failures are free; from then on each failure from that client
//   blocks the next try *from that client* for 2, 4, 8 … seconds, at most 15 minutes. The owner on
//   another client (their own phone, another office) is never slowed by someone else's guesses.
// - Per client: at most CLIENT_FAILURE_LIMIT failures in a window across all accounts, so one client
//   cannot spray one guess at every account. Counted by an atomic upsert before the password is
//   checked (parallel requests cannot pass together) and given back on success, so a busy office
//   behind one address is never refused for signing in correctly.
// "Client" is the address event.getClientAddress() gives (set ADDRESS_HEADER and XFF_DEPTH behind a
// proxy, see README), per /64 for IPv6 (throttle/client-key.ts).
import type { Db, Sql } from '../db/client';
import {
	blockedUntil,
	countInWindow,
	countUnlessBlocked,
	deleteCounter,
	deleteCountersStartingWith,
	pruneCounters,
	uncount
} from '../db/throttle';
import { TooManyRequests } from '../errors';
import { clientKey } from '../throttle/client-key';
import { hashToken } from './tokens';

/** Failures of one account from one client before the delays begin (an owner's typos fit in). */
export const ACCOUNT_FREE_FAILURES = 5;
/** The longest delay between two tries of one account from one client. */
export const ACCOUNT_MAX_DELAY_SECONDS = 15 * 60;
/** A day without failures and an account's count on a client starts again. */
export const ACCOUNT_FORGET_SECONDS = 24 * 3600;
/** Failures allowed per client within the window, over all accounts; staff often share one NAT. */
export const CLIENT_FAILURE_LIMIT = 20;
export const CLIENT_WINDOW_SECONDS = 15 * 60;

/** A 429 for a sign-in, with the wait in words for the login page. */
export class TooManyAttempts extends TooManyRequests {
	constructor(retryAfterSeconds: number) {
		const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
		const minutes = Math.ceil(seconds / 60);
		// the first delays are seconds: "1 menit" for a 2-second wait would send people away for nothing
		const wait =
			seconds < 60
				? { id: `${seconds} detik`, en: `${seconds} s` }
				: { id: `${minutes} menit`, en: `${minutes} min` };
		super(
			seconds,
			'too_many_attempts',
			`Terlalu banyak percobaan masuk. Coba lagi dalam ${wait.id} (too many attempts, retry in ${wait.en}).`
		);
	}

	get retryAfterMinutes(): number {
		return Math.ceil(this.retryAfterSeconds / 60);
	}
}

/** Keys are hashed: the table should not become a list of typed addresses (UU 27/2022). */
export function accountPrefix(email: string): string {
	return `account:${hashToken(email)}:`;
}

const secondsUntil = (until: Date, now: Date) => (until.getTime() - now.getTime()) / 1000;

export interface LoginPass {
	/** the attempt succeeded: forget this client's failures for the account, give back its count */
	succeeded(db: Db): Promise<void>;
}

/**
 * Lets one sign-in attempt of `email` (normalised) from `address` go on to the password check, or
 * throws TooManyAttempts. Call `succeeded` on the pass when the password was right.
 */
export async function admitLogin(sql: Sql, email: string, address: string, now: Date): Promise<LoginPass> {
	const client = clientKey(address);
	const clientBucket = `client:login:${client}`;
	const { count, windowStart } = await countInWindow(sql, clientBucket, CLIENT_WINDOW_SECONDS, now);
	if (count > CLIENT_FAILURE_LIMIT) {
		throw new TooManyAttempts(CLIENT_WINDOW_SECONDS - secondsUntil(now, windowStart));
	}
	const pair = `${accountPrefix(email)}${client}`;
	const tries = await countUnlessBlocked(sql, pair, {
		now,
		free: ACCOUNT_FREE_FAILURES,
		maxDelaySeconds: ACCOUNT_MAX_DELAY_SECONDS,
		forgetSeconds: ACCOUNT_FORGET_SECONDS
	});
	if (tries === null) {
		// refused before any password work: it does not use up the client's allowance
		await uncount(sql, clientBucket);
		const until = await blockedUntil(sql, pair);
		throw new TooManyAttempts(until ? secondsUntil(until, now) : 1);
	}
	if (Math.random() < 0.02) await pruneCounters(sql, ACCOUNT_FORGET_SECONDS, now);
	return {
		async succeeded(db) {
			await deleteCounter(db, pair);
			await uncount(db, clientBucket);
		}
	};
}

/** A new password (reset or link) lifts every client's delay for the account. */
export async function clearLoginDelays(db: Db, email: string): Promise<void> {
	await deleteCountersStartingWith(db, accountPrefix(email));
}
