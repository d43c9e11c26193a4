import { describe, expect, it } from 'vitest';
import { coverageRegions, coverageReport, progressByYear } from './coverage';

const regions = [
	{ code: '91.71', name: 'Kota Jayapura', province: 'Papua' },
	{ code: '91.03', name: 'Kabupaten Jayapura', province: 'Papua' },
	{ code: '32.73', name: 'Kota Bandung', province: 'Jawa Barat' },
	{ code: '32.04', name: 'Kabupaten Bandung', province: 'Jawa Barat' },
	{ code: '32.01', name: 'Kabupaten Bogor', province: 'Jawa Barat' }
];

describe('coverage of regencies and cities', () => {
	const recorded = new Map([
		['32.04', { status: 'inaugurated' as const, inauguratedOn: '2024-03-01' }],
		['32.01', { status: 'building' as const, inauguratedOn: null }],
		// an MPP on Antrean outranks what was recorded by hand
		['32.73', { status: 'planned' as const, inauguratedOn: null }]
	]);
	const operating = new Map([['32.73', ['bandung']]]);
	const list = coverageRegions(regions, recorded, operating);

	it('takes an MPP operating on Antrean over the record, and no record as no MPP', () => {
		expect(list.map((r) => r.status)).toEqual(['none', 'none', 'operating', 'inaugurated', 'building']);
		expect(list[2].mpps).toEqual(['bandung']);
	});

	it('counts inaugurated and operating as having an MPP, against the year target, per province', () => {
		const report = coverageReport(list, 2026, 4);
		expect(report.national).toMatchObject({ regions: 5, withMpp: 2, withoutMpp: 3 });
		expect(report.remainingToTarget).toBe(2);
		expect(report.provinces.map((p) => [p.province, p.withoutMpp])).toEqual([
			['Papua', 2],
			['Jawa Barat', 1]
		]);
		expect(coverageReport(list, 2026, 1).remainingToTarget).toBe(0);
		expect(coverageReport(list, 2026, null).remainingToTarget).toBeNull();
	});
});

describe('the pace of building', () => {
	const list = coverageRegions(
		regions,
		new Map([
			['32.04', { status: 'inaugurated' as const, inauguratedOn: '2024-03-01' }],
			['32.01', { status: 'inaugurated' as const, inauguratedOn: '2026-01-15' }],
			['91.03', { status: 'building' as const, inauguratedOn: null }]
		]),
		new Map([['32.73', ['bandung']]])
	);

	it('counts inaugurations per year, cumulatively, against each year’s target', () => {
		const { years, undated } = progressByYear(list, [{ year: 2027, regencies: 4 }], 2026);
		expect(years).toEqual([
			{ year: 2024, inaugurated: 1, cumulative: 1, target: null },
			{ year: 2025, inaugurated: 0, cumulative: 1, target: null },
			{ year: 2026, inaugurated: 1, cumulative: 2, target: null },
			{ year: 2027, inaugurated: 0, cumulative: 2, target: 4 }
		]);
		// Bandung operates on Antrean with no recorded inauguration date
		expect(undated).toBe(1);
	});

	it('is one row for this year when nothing is dated or targeted', () => {
		const { years } = progressByYear(coverageRegions(regions, new Map(), new Map()), [], 2026);
		expect(years).toEqual([{ year: 2026, inaugurated: 0, cumulative: 0, target: null }]);
	});
});
