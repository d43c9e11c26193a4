import { describe, expect, it } from 'vitest';
import {
	emptyTotals,
	ikmGrade,
	ikmResult,
	ikmValue,
	mergeTotals,
	requiredSample,
	type IkmTotals
} from './ikm';
import { surveyElements } from './survey-elements';

function totalsOf(values: number[], respondents: number): IkmTotals {
	const totals = Object.fromEntries(surveyElements.map((code, i) => [code, values[i]]));
	return { totals: totals as IkmTotals['totals'], respondents };
}

// DOMAIN §1 worked example: 29 respondents, element totals from an e-SKM report
const worked = totalsOf([105, 101, 100, 116, 102, 105, 106, 105, 115], 29);

describe('IKM (PermenPANRB 14/2017, DOMAIN §1)', () => {
	it('reproduces the worked example: 91.48, grade A, with its NRRs', () => {
		const result = ikmResult(worked, 646);
		expect(result.value).toBe(91.48);
		expect(result.grade).toBe('A');
		expect(result.gradeLabel).toBe('Sangat Baik');
		expect(result.respondents).toBe(29);
		expect(result.elements).toEqual({
			persyaratan: 3.6207,
			prosedur: 3.4828,
			waktu: 3.4483,
			biaya: 4,
			produk: 3.5172,
			kompetensi: 3.6207,
			perilaku: 3.6552,
			pengaduan: 3.6207,
			sarana: 3.9655
		});
	});

	it('uses the exact 1/9 weight and rounds once: mean NRR 3.535 is 88.38, an A (0.111 would give a B)', () => {
		// 200 respondents, every element total 707 → every NRR 3.535 → 88.375 → 88.38
		const boundary = totalsOf(Array(9).fill(707), 200);
		expect(ikmValue(boundary)).toBe(88.38);
		expect(ikmResult(boundary).grade).toBe('A');
	});

	it('elements keyed by code: the order of the totals object does not matter', () => {
		const reversed = { respondents: 29, totals: Object.fromEntries(Object.entries(worked.totals).reverse()) };
		expect(ikmValue(reversed as IkmTotals)).toBe(91.48);
	});

	it.each([
		[88.31, 'A'],
		[88.3, 'B'],
		[76.61, 'B'],
		[76.6, 'C'],
		[65.0, 'C'],
		[64.99, 'D'],
		[100, 'A'],
		[25, 'D']
	] as const)('grades %s as %s', (value, grade) => {
		expect(ikmGrade(value)).toBe(grade);
	});

	it('spans 25 (everyone answers 1) to 100 (everyone answers 4)', () => {
		expect(ikmValue(totalsOf(Array(9).fill(10), 10))).toBe(25);
		expect(ikmValue(totalsOf(Array(9).fill(40), 10))).toBe(100);
	});

	it('has no IKM without respondents: null, never NaN', () => {
		const result = ikmResult(emptyTotals(), 120);
		expect(result.value).toBeNull();
		expect(result.grade).toBeNull();
		expect(result.gradeLabel).toBeNull();
		expect(result.respondents).toBe(0);
		expect(result.requiredSample).toBe(92);
		expect(Object.values(result.elements).every((nrr) => nrr === null)).toBe(true);
	});

	it('merges groups by adding totals, which equals computing over all answers at once', () => {
		const a = totalsOf([40, 38, 37, 44, 39, 40, 40, 40, 44], 11);
		const b = totalsOf([65, 63, 63, 72, 63, 65, 66, 65, 71], 18);
		expect(mergeTotals([a, b])).toEqual(worked);
		expect(ikmValue(mergeTotals([a, b]))).toBe(91.48);
	});

	it('leaves the required sample unknown when the population served is not given', () => {
		expect(ikmResult(worked).requiredSample).toBeNull();
	});
});

describe('Krejcie–Morgan required sample (DOMAIN §1)', () => {
	it.each([
		[100, 80],
		[200, 132],
		[500, 217],
		[1_000, 278],
		[2_000, 322],
		[5_000, 357],
		[10_000, 370],
		[50_000, 381],
		[1_000_000, 384],
		[50_000_000, 384]
	])('N = %i needs %i respondents', (population, sample) => {
		expect(requiredSample(population)).toBe(sample);
	});

	it('needs nobody when nobody was served, and everyone of a tiny population', () => {
		expect(requiredSample(0)).toBe(0);
		expect(requiredSample(1)).toBe(1);
		expect(requiredSample(10)).toBe(10);
	});
});
