import { describe, expect, it } from 'vitest';
import { formatLocalDateTime } from './local-datetime';

describe('formatLocalDateTime', () => {
	const at = '2026-11-23T06:45:30Z';

	it('prints the slip stamp in the MPP zone with WIB, WITA or WIT', () => {
		expect(formatLocalDateTime(at, 'Asia/Jakarta', 'id')).toBe('Senin, 23 Nov 2026 13:45:30 WIB');
		expect(formatLocalDateTime(at, 'Asia/Makassar', 'id')).toBe('Senin, 23 Nov 2026 14:45:30 WITA');
		expect(formatLocalDateTime(at, 'Asia/Jayapura', 'id')).toBe('Senin, 23 Nov 2026 15:45:30 WIT');
	});

	it('takes the local date, not the server date, just after local midnight', () => {
		// 15:05 UTC on the 23rd is already the 24th in Jayapura
		expect(formatLocalDateTime('2026-11-23T15:05:00Z', 'Asia/Jayapura', 'id')).toBe(
			'Selasa, 24 Nov 2026 00:05:00 WIT'
		);
	});

	it('speaks English when chosen, with three-letter months', () => {
		expect(formatLocalDateTime(at, 'Asia/Jakarta', 'en')).toBe('Monday, 23 Nov 2026 13:45:30 WIB');
		expect(formatLocalDateTime('2026-09-01T01:00:00Z', 'Asia/Jakarta', 'en')).toBe(
			'Tuesday, 1 Sep 2026 08:00:00 WIB'
		);
		expect(formatLocalDateTime('2026-08-17T01:00:00Z', 'Asia/Jakarta', 'id')).toBe(
			'Senin, 17 Agu 2026 08:00:00 WIB'
		);
	});
});
