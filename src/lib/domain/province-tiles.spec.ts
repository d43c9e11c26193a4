import { describe, expect, it } from 'vitest';
import { provinceTiles, tileShade } from './province-tiles';

describe('province tile map', () => {
	it('has one tile for each of the 38 provinces, no two on one square', () => {
		expect(provinceTiles).toHaveLength(38);
		expect(new Set(provinceTiles.map((t) => t.code)).size).toBe(38);
		expect(new Set(provinceTiles.map((t) => `${t.col},${t.row}`)).size).toBe(38);
	});

	it('lays the country out west to east: Aceh first, the Papuas last', () => {
		const col = (code: string) => provinceTiles.find((t) => t.code === code)!.col;
		expect(col('11')).toBeLessThan(col('32'));
		expect(col('32')).toBeLessThan(col('51'));
		expect(col('51')).toBeLessThan(col('73'));
		expect(col('73')).toBeLessThan(col('91'));
	});

	it('shades a share into five steps, grey for nothing to show', () => {
		expect(tileShade(null)).toBeNull();
		expect(tileShade(0)).toBe(0);
		expect(tileShade(0.19)).toBe(0);
		expect(tileShade(0.2)).toBe(1);
		expect(tileShade(0.99)).toBe(4);
		expect(tileShade(1)).toBe(4);
		expect(tileShade(1.5)).toBe(4);
	});
});
