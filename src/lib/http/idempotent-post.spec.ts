import { describe, expect, it } from 'vitest';
import { idempotentPost, newIdempotencyKey } from './idempotent-post';

/** A fetch that answers from a script, recording the key of every try. */
function scripted(script: Array<number | 'network' | 'hang'>) {
	const keys: string[] = [];
	const send = (async (_url: string, init: RequestInit & { headers: Record<string, string> }) => {
		keys.push(init.headers['idempotency-key']);
		const step = script[keys.length - 1];
		if (step === 'network') throw new TypeError('Failed to fetch');
		if (step === 'hang') {
			return new Promise<Response>((_, reject) =>
				init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
			);
		}
		return new Response(step === 204 ? null : `{"try":${keys.length}}`, { status: step });
	}) as unknown as typeof fetch;
	return { send, keys };
}

const noWait = async () => {};

describe('idempotentPost', () => {
	it('retries a network failure, a 5xx and a timeout with the same key, and returns the answer', async () => {
		const { send, keys } = scripted(['network', 503, 'hang', 200]);
		const response = await idempotentPost('/x', { body: '{}' }, { fetch: send, wait: noWait, timeoutMs: 5 });
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ try: 4 });
		expect(keys).toHaveLength(4);
		expect(new Set(keys).size).toBe(1);
	});

	it('does not retry a 4xx: the server decided', async () => {
		const { send, keys } = scripted([409, 200]);
		const response = await idempotentPost('/x', {}, { fetch: send, wait: noWait });
		expect(response.status).toBe(409);
		expect(keys).toHaveLength(1);
	});

	it('gives up after the last try: its 5xx, or its network error', async () => {
		const failing = scripted([500, 502, 503]);
		const last = await idempotentPost('/x', {}, { fetch: failing.send, wait: noWait, attempts: 3 });
		expect(last.status).toBe(503);
		const offline = scripted(['network', 'network']);
		await expect(
			idempotentPost('/x', {}, { fetch: offline.send, wait: noWait, attempts: 2 })
		).rejects.toThrow('Failed to fetch');
	});

	it('a new press is a new key', async () => {
		const first = scripted([200]);
		const second = scripted([200]);
		await idempotentPost('/x', {}, { fetch: first.send });
		await idempotentPost('/x', {}, { fetch: second.send });
		expect(first.keys[0]).not.toBe(second.keys[0]);
	});

	it('makes a UUID without crypto.randomUUID (plain http on a LAN is not a secure context)', () => {
		const original = crypto.randomUUID;
		Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
		try {
			const key = newIdempotencyKey();
			expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
			expect(newIdempotencyKey()).not.toBe(key);
		} finally {
			Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
		}
	});
});
