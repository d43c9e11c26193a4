import { describe, expect, it } from 'vitest';
import { coverageRegions, coverageReport } from './coverage';

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
