import { describe, expect, it } from 'vitest';
import { elapsedSince, formatDuration, formatLocalClock, wholeMinutes } from './timer';

describe('formatDuration', () => {
	it('shows minutes and seconds, and hours once there are any', () => {
		expect(formatDuration(0)).toBe('0:00');
		expect(formatDuration(7_000)).toBe('0:07');
		expect(formatDuration(59_999)).toBe('0:59');
		expect(formatDuration(60_000)).toBe('1:00');
		expect(formatDuration(12 * 60_000 + 34_000)).toBe('12:34');
		expect(formatDuration(59 * 60_000 + 59_000)).toBe('59:59');
		expect(formatDuration(3_600_000)).toBe('1:00:00');
		expect(formatDuration(3_600_000 + 2 * 60_000 + 3_000)).toBe('1:02:03');
	});

	it('never shows a negative time', () => {
		expect(formatDuration(-5_000)).toBe('0:00');
	});
});

describe('elapsedSince', () => {
	const since = '2026-03-02T01:00:00.000Z';
	const at = Date.parse(since);

	it('counts from the given instant', () => {
		expect(elapsedSince(since, at + 90_000)).toBe(90_000);
	});

	it('corrects a computer clock that is off, and never goes below zero', () => {
		// this PC runs 2 minutes slow; the server clock says 30 s have passed
		expect(elapsedSince(since, at - 120_000 + 30_000, 120_000)).toBe(30_000);
		expect(elapsedSince(since, at - 5_000)).toBe(0);
	});

	it('gives whole minutes of waiting', () => {
		expect(wholeMinutes(59_000)).toBe(0);
		expect(wholeMinutes(61_000)).toBe(1);
		expect(wholeMinutes(-1)).toBe(0);
	});
});

describe('formatLocalClock', () => {
	const at = '2026-03-02T01:05:00.000Z';

	it('shows the time in the MPP’s own zone with WIB, WITA or WIT', () => {
		expect(formatLocalClock(at, 'Asia/Jakarta', 'WIB')).toBe('08:05 WIB');
		expect(formatLocalClock(at, 'Asia/Makassar', 'WITA')).toBe('09:05 WITA');
		expect(formatLocalClock(at, 'Asia/Jayapura', 'WIT')).toBe('10:05 WIT');
	});

	it('writes midnight as 00, not 24', () => {
		expect(formatLocalClock('2026-03-02T17:00:00.000Z', 'Asia/Jakarta', 'WIB')).toBe('00:00 WIB');
	});
});
