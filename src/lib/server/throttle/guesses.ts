// Track codes are the only key to a ticket (/t/<code>, the ticket and survey API), so a client that
// keeps asking for codes that do not exist is guessing. Only unknown codes count: a phone following
// its own ticket is never refused, however often it asks. 50 random bits per code make guessing
// hopeless anyway; the limit tells a script to stop and keeps it from costing us lookups for free.
import type { Sql } from '../db/client';
import { countInWindow, pruneCounters } from '../db/throttle';
import { isAppError, TooManyRequests } from '../errors';
import { clientKey } from './client-key';

/** Unknown codes one client may ask for within the window: plenty for typing a slip's code wrong. */
export const UNKNOWN_CODE_LIMIT = 30;
export const UNKNOWN_CODE_WINDOW_SECONDS = 15 * 60;

export class TooManyGuesses extends TooManyRequests {
	constructor(retryAfterSeconds: number) {
		const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
		const minutes = Math.ceil(seconds / 60);
		super(
			seconds,
			'too_many_unknown_codes',
			`Terlalu banyak kode tiket yang tidak dikenal dari perangkat ini. Periksa kode di karcis Anda dan coba lagi dalam ${minutes} menit ` +
				`(too many unknown ticket codes from this device; check the code on your slip and try again in ${minutes} min).`
		);
	}
}

/**
 * Runs a lookup by track code for the client at `address`. When it finds no ticket (AppError
 * `ticket_not_found`), the client's count goes up by one, in one upsert so parallel guesses are all
 * counted; past the limit the answer is TooManyGuesses (429) instead of the 404.
 */
export async function lookUpTrackCode<T>(
	sql: Sql,
	address: string,
	lookup: () => Promise<T>,
	now = new Date()
): Promise<T> {
	try {
		return await lookup();
	} catch (error) {
		// booking codes (issue 12) are keys of the same kind, guessed the same way
		if (!isAppError(error) || (error.code !== 'ticket_not_found' && error.code !== 'booking_not_found'))
			throw error;
		const bucket = `client:track:${clientKey(address)}`;
		const { count, windowStart } = await countInWindow(sql, bucket, UNKNOWN_CODE_WINDOW_SECONDS, now);
		// one row per guessing client; rows of clients gone quiet for a day are removed now and then
		if (Math.random() < 0.02) await pruneCounters(sql, 24 * 3600, now);
		if (count > UNKNOWN_CODE_LIMIT) {
			throw new TooManyGuesses(UNKNOWN_CODE_WINDOW_SECONDS - (now.getTime() - windowStart.getTime()) / 1000);
		}
		throw error;
	}
}
