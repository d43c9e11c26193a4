import { describe, expect, it } from 'vitest';
import { UnsafeKey } from '$lib/server/safe-keys';
import { formObject } from './form.server';

const form = (fields: [string, string][]) => {
	const data = new FormData();
	for (const [name, value] of fields) data.append(name, value);
	return data;
};

describe('formObject', () => {
	it('nests dotted names and lists repeated ones, without prototypes at any level', () => {
		const values = formObject(
			form([
				['name', 'MPP'],
				['openingHours.mon.open', 'on'],
				['openingHours.mon.from', '07:30'],
				['counterIds', 'a'],
				['counterIds', 'b']
			]),
			['counterIds']
		);
		expect(values).toEqual({
			name: 'MPP',
			openingHours: { mon: { open: 'on', from: '07:30' } },
			counterIds: ['a', 'b']
		});
		expect(Object.getPrototypeOf(values)).toBeNull();
		expect(Object.getPrototypeOf(values.openingHours)).toBeNull();
	});

	it('refuses prototype segments, brackets and empty segments, and Object.prototype stays clean', () => {
		for (const name of [
			'__proto__.polluted',
			'__proto__[polluted]',
			'constructor.prototype.polluted',
			'a.__proto__.polluted',
			'prototype.polluted',
			'hours.__proto__.polluted',
			'a[__proto__]',
			'a[constructor]',
			'a..b',
			'.a',
			'a.',
			'',
			'a b'
		]) {
			expect(() => formObject(form([[name, '1']])), name).toThrow(UnsafeKey);
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('refuses a name that is both a value and a group', () => {
		expect(() =>
			formObject(
				form([
					['a', '1'],
					['a.b', '2']
				])
			)
		).toThrow(UnsafeKey);
		expect(() =>
			formObject(
				form([
					['a.b', '2'],
					['a', '1']
				])
			)
		).toThrow(UnsafeKey);
	});
});
