// Helpers every JSON door uses: read and validate a body or query, and turn errors into the
// API's one error shape `{ "error": { "code", "message" } }` with a 4xx, never a 500 for bad input.
import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { isStatementTimeout } from './db/client';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from './db/unavailable';
import { AppError, badRequest, isAppError, ServiceUnavailable, TooManyRequests } from './errors';
import { assertSafeKeys, safeRecord } from './safe-keys';

/** Bodies are small JSON objects; anything bigger is a mistake or an attack. */
export const MAX_JSON_BYTES = 16 * 1024;

export function errorBody(code: string, message: string) {
	return { error: { code, message } };
}

export function errorResponse(status: number, code: string, message: string): Response {
	return json(errorBody(code, message), status);
}

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(data), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers }
	});
}

/**
 * Wraps a route handler so a thrown AppError becomes its JSON 4xx and a statement that ran past the
 * pool's statement_timeout a 503 the client may retry; anything else is rethrown (500).
 * Use with the route's own type so params stay typed: `export const GET: RequestHandler = apiHandler(…)`.
 */
export function apiHandler<E extends RequestEvent>(
	handler: (event: E) => Promise<Response>
): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await handler(event);
		} catch (error) {
			if (isStatementTimeout(error)) return statementTimeoutResponse();
			if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
			if (!isAppError(error)) throw error;
			const response = json(
				{ error: { ...error.details, code: error.code, message: error.message } },
				error.status
			);
			if (error instanceof TooManyRequests || error instanceof ServiceUnavailable)
				response.headers.set('retry-after', String(error.retryAfterSeconds));
			return response;
		}
	};
}

export const STATEMENT_TIMEOUT_MESSAGE =
	'Permintaan terlalu berat, coba rentang yang lebih pendek (query took too long).';

/** 503: a statistics query ran past its statement timeout; a shorter range will do. */
export function statementTimeoutResponse(): Response {
	return errorResponse(503, 'database_timeout', STATEMENT_TIMEOUT_MESSAGE);
}

/** 503 with Retry-After: the database is restarting or out of reach; the same request may be retried. */
export function databaseUnavailableResponse(): Response {
	const response = errorResponse(503, 'database_unavailable', UNAVAILABLE_MESSAGE);
	response.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
	return response;
}

/** Reads a JSON body with a size limit and validates it. Throws AppError 400/413/415. */
export async function readJson<T extends z.ZodType>(
	request: Request,
	schema: T,
	limit = MAX_JSON_BYTES
): Promise<z.infer<T>> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
		await discardBody(request);
		throw new AppError(415, 'unsupported_media_type', 'Kirim body sebagai application/json.');
	}
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > limit) {
		await discardBody(request);
		throw tooLarge();
	}
	const text = await readLimited(request, limit);
	let data: unknown;
	try {
		data = text === '' ? undefined : JSON.parse(text);
	} catch {
		throw badRequest('Body bukan JSON yang sah (malformed JSON).', 'invalid_json');
	}
	// JSON.parse keeps `__proto__` as an own key, which any later spread or merge writes through
	assertSafeKeys(data);
	return parseWith(schema, data);
}

/** A body's raw text, size-limited: a signed webhook is checked byte for byte before it is parsed. */
export async function readRawText(request: Request, limit = MAX_JSON_BYTES): Promise<string> {
	if (Number(request.headers.get('content-length') ?? '0') > limit) {
		await discardBody(request);
		throw tooLarge();
	}
	return readLimited(request, limit);
}

/** Validates query-string parameters (strings) with a schema. Throws AppError 400. */
export function readQuery<T extends z.ZodType>(url: URL, schema: T): z.infer<T> {
	return parseWith(schema, safeRecord(url.searchParams));
}

export function parseWith<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
	const result = schema.safeParse(data);
	if (!result.success) throw badRequest(describeIssues(result.error), 'validation_failed');
	return result.data;
}

/** "serviceId: Invalid UUID; priorityGroup: Invalid option …" — which field and why. */
export function describeIssues(error: z.ZodError): string {
	return error.issues
		.slice(0, 5)
		.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
		.join('; ');
}

/** An id in a path; unknown ids and non-UUIDs are both "not found" to the caller. */
export const uuid = z.uuid();

export function isUuid(value: string): boolean {
	return uuid.safeParse(value).success;
}

async function readLimited(request: Request, limit: number): Promise<string> {
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await drain(reader);
			throw tooLarge();
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads the rest of a refused body and throws it away, so the answer goes out whole and the
 * keep-alive connection stays usable. Cancelling the stream instead makes adapter-node destroy the
 * socket, and the client got a connection reset instead of the 413 (issue 10 item 8). adapter-node
 * bounds what is read by BODY_SIZE_LIMIT: past it the stream errors and Node discards the rest.
 */
export async function discardBody(request: Request): Promise<void> {
	if (!request.body || request.bodyUsed) return;
	await drain(request.body.getReader());
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
	try {
		while (!(await reader.read()).done) {
			// discard
		}
	} catch {
		// the adapter's own 413 (BODY_SIZE_LIMIT) or a client that went away: nothing left to drain
	}
}

const tooLarge = () =>
	new AppError(413, 'payload_too_large', `Body terlalu besar (maksimal ${MAX_JSON_BYTES / 1024} KB).`);
