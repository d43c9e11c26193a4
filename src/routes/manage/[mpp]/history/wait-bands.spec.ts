import { describe, expect, it } from 'vitest';
import { bucketEdges, histogramOf } from '$lib/domain/histogram';
import { bandEdgesMinutes, waitBands } from './wait-bands';

describe('wait bands', () => {
	it('puts every band edge on a bucket edge, so band counts are exact', () => {
		for (const minutes of bandEdgesMinutes) expect(bucketEdges).toContain(minutes * 60);
	});

	it('counts waits in whole-minute bands, the open last band included', () => {
		const waits = [0, 299, 300, 599, 1799, 1800, 3600, 14_399, 14_400, 50_000];
		const bands = waitBands(histogramOf(waits));
		const count = (from: number) => bands.find((b) => b.fromMinutes === from)!.count;
		expect(count(0)).toBe(2);
		expect(count(5)).toBe(2);
		expect(count(20)).toBe(1);
		expect(count(30)).toBe(1);
		expect(count(60)).toBe(1);
		expect(count(180)).toBe(1);
		expect(count(240)).toBe(2);
		expect(bands.at(-1)).toEqual({ fromMinutes: 240, toMinutes: null, count: 2 });
		expect(bands.reduce((s, b) => s + b.count, 0)).toBe(waits.length);
	});
});
