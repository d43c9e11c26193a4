// The one way a socket handler answers: `{ data }` or `{ error: { code, message } }`, never a throw.
import type { Ack } from '../../realtime/events';
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from '../db/unavailable';
import { isAppError, TooManyRequests } from '../errors';

type Reply<T> = (response: Ack<T>) => void;

/**
 * Wraps a handler so that any failure becomes an error ack. A client may omit the ack callback or
 * send it in the wrong place; then there is nobody to answer and the call is ignored.
 */
export function withAck<T>(handle: (payload: unknown) => Promise<T>) {
	return (...args: unknown[]): void => {
		const reply = args.at(-1);
		if (typeof reply !== 'function') return;
		const payload = args.length > 1 ? args[0] : undefined;
		handle(payload).then(
			(data) => (reply as Reply<T>)({ data }),
			(error: unknown) => (reply as Reply<T>)({ error: toAckError(error) })
		);
	};
}

function toAckError(error: unknown) {
	if (error instanceof TooManyRequests)
		return { code: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds };
	if (isAppError(error)) return { code: error.code, message: error.message };
	// the client asks again after a reconnect or its own retry
	if (isDatabaseUnavailable(error)) return { code: 'database_unavailable', message: UNAVAILABLE_MESSAGE };
	console.error('socket handler failed', error);
	return { code: 'internal', message: 'Terjadi kesalahan di server (internal error).' };
}
