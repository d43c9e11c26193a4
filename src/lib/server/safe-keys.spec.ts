import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assertSafeKeys, findUnsafeKey, isSafeKey, queryRecord, safeRecord, UnsafeKey } from './safe-keys';

describe('safe keys', () => {
	it('refuses the prototype names and the empty name', () => {
		for (const key of ['__proto__', 'prototype', 'constructor', '']) expect(isSafeKey(key), key).toBe(false);
		for (const key of ['name', 'proto', '__proto', 'Constructor', 'toString'])
			expect(isSafeKey(key), key).toBe(true);
	});

	it('builds records without a prototype and refuses a prototype name with its name', () => {
		const record = safeRecord([['a', 1]]);
		expect(Object.getPrototypeOf(record)).toBeNull();
		expect(record).toEqual({ a: 1 });
		expect(() => safeRecord(new URLSearchParams('a=1&__proto__=2'))).toThrow(UnsafeKey);
		let thrown: unknown;
		try {
			safeRecord([['constructor', 1]]);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toMatchObject({ status: 400, code: 'unsafe_key', key: 'constructor' });
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('leaves prototype names out of a page query', () => {
		const query = queryRecord(new URLSearchParams('from=2026-01-01&__proto__=x&constructor=y'));
		expect(Object.keys(query)).toEqual(['from']);
		expect(Object.getPrototypeOf(query)).toBeNull();
	});

	it('finds an own __proto__ of parsed JSON at any depth, also inside lists', () => {
		expect(findUnsafeKey(JSON.parse('{"a":1,"__proto__":{"x":1}}'))).toBe('__proto__');
		expect(findUnsafeKey(JSON.parse('{"a":[{"b":{"constructor":{"prototype":1}}}]}'))).toBe('constructor');
		expect(findUnsafeKey(JSON.parse('{"a":[1,"__proto__",{"b":null}]}'))).toBeNull();
		expect(findUnsafeKey(null)).toBeNull();
		expect(() => assertSafeKeys(JSON.parse('[{"prototype":1}]'))).toThrow(UnsafeKey);
	});

	it('zod validates null-prototype objects, and a strict schema refuses an own __proto__', () => {
		const schema = z.strictObject({
			name: z.string(),
			hours: z.object({ mon: z.string() }),
			tags: z.record(z.string(), z.string())
		});
		const input = safeRecord<unknown>([
			['name', 'MPP'],
			['hours', safeRecord([['mon', '08:00']])],
			['tags', safeRecord([['a', 'b']])]
		]);
		expect(schema.parse(input)).toEqual({ name: 'MPP', hours: { mon: '08:00' }, tags: { a: 'b' } });
		const crafted = JSON.parse('{"name":"MPP","hours":{"mon":"08:00"},"tags":{},"__proto__":{"x":1}}');
		expect(schema.safeParse(crafted).success).toBe(false);
		expect(z.object({ name: z.string() }).parse(crafted)).not.toHaveProperty('x');
	});
});
