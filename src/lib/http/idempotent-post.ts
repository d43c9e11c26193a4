// One press, one change (issue 10 item 6). A POST that changes the queue carries an Idempotency-Key
// made fresh for the press, and sends the same key again when it retries after a network failure, a
// 5xx (a deploy, a proxy) or a timeout: the server answers a retry with the first answer and changes
// nothing again, so a lost answer never calls two citizens or prints two tickets.

export interface RetryOptions {
	/** tries in all, the first included */
	attempts?: number;
	/** per try, until the answer's headers arrive */
	timeoutMs?: number;
	/** the wait before the n-th retry is backoffMs × 2^(n−1) */
	backoffMs?: number;
	fetch?: typeof fetch;
	wait?: (ms: number) => Promise<void>;
}

/**
 * A random UUID. crypto.randomUUID exists only in secure contexts, and a kiosk may reach its server
 * over plain http on the MPP's LAN, where getRandomValues is all there is.
 */
export function newIdempotencyKey(): string {
	if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
	bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 9562 variant
	const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * POSTs once as far as the server is concerned: the last answer (a 5xx only when every try got one),
 * or the network error of the last try.
 */
export async function idempotentPost(
	url: string,
	init: { body?: string | FormData; headers?: Record<string, string> } = {},
	options: RetryOptions = {}
): Promise<Response> {
	const { attempts = 4, timeoutMs = 10_000, backoffMs = 500, fetch: send = fetch, wait = sleep } = options;
	const key = newIdempotencyKey();
	for (let attempt = 1; ; attempt++) {
		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), timeoutMs);
		try {
			const response = await send(url, {
				method: 'POST',
				body: init.body,
				headers: { ...init.headers, 'idempotency-key': key },
				signal: controller.signal
			});
			if (response.status < 500 || attempt >= attempts) return response;
		} catch (error) {
			if (attempt >= attempts) throw error;
		} finally {
			clearTimeout(timer);
		}
		await wait(backoffMs * 2 ** (attempt - 1));
	}
}
