// The one error type a service throws for something the caller did wrong or cannot do.
// Doors turn it into a 4xx (a 503 for ServiceUnavailable) with `{ "error": { "code", "message" } }` (HTTP) or `{ error }` (socket ack).
// Anything else that escapes is a bug and becomes a logged 500.

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503;

export class AppError extends Error {
	constructor(
		readonly status: ErrorStatus,
		readonly code: string,
		message: string
	) {
		super(message);
		this.name = 'AppError';
	}

	/** extra fields for the JSON error body, e.g. when a refused booking slot opens */
	details?: Record<string, string>;
}

export const badRequest = (message: string, code = 'bad_request') => new AppError(400, code, message);
export const unauthorized = (message = 'Silakan masuk terlebih dahulu (login required).') =>
	new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'Anda tidak berwenang untuk tindakan ini (forbidden).') =>
	new AppError(403, 'forbidden', message);
export const notFound = (message: string, code = 'not_found') => new AppError(404, code, message);
export const conflict = (message: string, code = 'conflict') => new AppError(409, code, message);
export const unprocessable = (message: string, code = 'unprocessable') => new AppError(422, code, message);

export function isAppError(error: unknown): error is AppError {
	return error instanceof AppError;
}

/** A 429 that knows when the caller may try again; JSON doors send it as Retry-After. */
export class TooManyRequests extends AppError {
	constructor(
		readonly retryAfterSeconds: number,
		code: string,
		message: string
	) {
		super(429, code, message);
		this.name = 'TooManyRequests';
	}
}

/** A 503: a part we depend on (the statistics replica) does not answer; try again after a while. */
export class ServiceUnavailable extends AppError {
	constructor(
		readonly retryAfterSeconds: number,
		code: string,
		message: string
	) {
		super(503, code, message);
		this.name = 'ServiceUnavailable';
	}
}
