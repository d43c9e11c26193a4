import { describe, expect, it } from 'vitest';
import { consoleActions, shortcutFor, shortcutKeys } from './shortcuts';

describe('console shortcuts', () => {
	it('maps one key to every action, in either case', () => {
		expect(shortcutFor({ key: 'n' })).toBe('callNext');
		expect(shortcutFor({ key: 'N' })).toBe('callNext');
		expect(shortcutFor({ key: 'r' })).toBe('recall');
		expect(shortcutFor({ key: 's' })).toBe('start');
		expect(shortcutFor({ key: 'f' })).toBe('finish');
		expect(shortcutFor({ key: 'X' })).toBe('noShow');
		expect(shortcutFor({ key: 't' })).toBe('transfer');
		expect(shortcutFor({ key: 'p' })).toBe('pause');
		expect(shortcutFor({ key: 'c' })).toBe('close');
		expect(shortcutFor({ key: 'o' })).toBe('open');
		for (const action of consoleActions) expect(shortcutFor({ key: shortcutKeys[action] })).toBe(action);
		expect(new Set(Object.values(shortcutKeys)).size).toBe(consoleActions.length);
	});

	it('calls next with Space when no button or link has the focus', () => {
		expect(shortcutFor({ key: ' ', targetTag: 'BODY' })).toBe('callNext');
		expect(shortcutFor({ key: ' ', targetTag: 'DIV' })).toBe('callNext');
		// Space on a focused button presses that button, nothing else
		expect(shortcutFor({ key: ' ', targetTag: 'BUTTON' })).toBeNull();
		expect(shortcutFor({ key: ' ', targetTag: 'A' })).toBeNull();
		expect(shortcutFor({ key: 'n', targetTag: 'BUTTON' })).toBe('callNext');
	});

	it('ignores keys typed into a field', () => {
		expect(shortcutFor({ key: 'n', targetTag: 'INPUT' })).toBeNull();
		expect(shortcutFor({ key: 'f', targetTag: 'textarea' })).toBeNull();
		expect(shortcutFor({ key: 'x', targetTag: 'SELECT' })).toBeNull();
		expect(shortcutFor({ key: ' ', targetTag: 'INPUT' })).toBeNull();
		expect(shortcutFor({ key: 'r', targetTag: 'DIV', targetEditable: true })).toBeNull();
	});

	it('ignores a held key and browser shortcuts', () => {
		expect(shortcutFor({ key: 'n', repeat: true })).toBeNull();
		expect(shortcutFor({ key: ' ', repeat: true })).toBeNull();
		expect(shortcutFor({ key: 'r', ctrlKey: true })).toBeNull();
		expect(shortcutFor({ key: 'f', metaKey: true })).toBeNull();
		expect(shortcutFor({ key: 'n', altKey: true })).toBeNull();
	});

	it('ignores keys that mean nothing to the console', () => {
		for (const key of ['a', 'Enter', 'Escape', 'Tab', '1', 'ArrowDown', 'Shift']) {
			expect(shortcutFor({ key })).toBeNull();
		}
	});
});
