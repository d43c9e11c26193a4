// Names from outside (form fields, query parameters, JSON and socket keys, CSV cells) that become
// object keys. `__proto__`, `prototype` and `constructor` reach Object.prototype of the whole server
// process through a nested write (issue 10 item 2: one anonymous form post made every ticket issue a
// 500), so they are refused wherever a name from outside becomes a key, and the objects built from
// such names have no prototype at all.
import { AppError } from './errors';

const forbidden = new Set(['__proto__', 'prototype', 'constructor']);

/** A key that may come from outside: not a prototype name, not empty. */
export function isSafeKey(key: string): boolean {
	return key !== '' && !forbidden.has(key);
}

/** The refusal of a name, with the name in it so the sender sees which one. */
export class UnsafeKey extends AppError {
	constructor(readonly key: string) {
		super(400, 'unsafe_key', `Nama tidak diterima (name not accepted): ${JSON.stringify(key.slice(0, 100))}`);
		this.name = 'UnsafeKey';
	}
}

export function isUnsafeKey(error: unknown): error is UnsafeKey {
	return error instanceof UnsafeKey;
}

/** An object without a prototype, from entries whose keys are checked first. */
export function safeRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
	const record = Object.create(null) as Record<string, T>;
	for (const [key, value] of entries) {
		if (!isSafeKey(key)) throw new UnsafeKey(key);
		record[key] = value;
	}
	return record;
}

/**
 * A page's query parameters as an object without a prototype. A prototype name is left out rather
 * than refused: a page's filters ignore names they do not know, and the name never becomes a key.
 */
export function queryRecord(params: URLSearchParams): Record<string, string> {
	return safeRecord([...params].filter(([key]) => isSafeKey(key)));
}

/**
 * The first unsafe key anywhere in parsed JSON (JSON.parse makes `__proto__` an own key, which a
 * later spread or merge would write through), or null. Depth is bounded by the body size limit.
 */
export function findUnsafeKey(value: unknown): string | null {
	if (typeof value !== 'object' || value === null) return null;
	if (Array.isArray(value)) {
		for (const item of value) {
			const found = findUnsafeKey(item);
			if (found !== null) return found;
		}
		return null;
	}
	for (const key of Object.keys(value)) {
		if (!isSafeKey(key)) return key;
		const found = findUnsafeKey((value as Record<string, unknown>)[key]);
		if (found !== null) return found;
	}
	return null;
}

/** Throws an UnsafeKey (400) when parsed data holds an unsafe key at any depth. */
export function assertSafeKeys(value: unknown): void {
	const found = findUnsafeKey(value);
	if (found !== null) throw new UnsafeKey(found);
}
