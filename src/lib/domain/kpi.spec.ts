import { describe, expect, it } from 'vitest';
import { histogramOf } from './histogram';
import { emptyMeasures, kpisOf, mergeMeasures, type Measures } from './kpi';

function measures(waits: number[], services: number[], extra: Partial<Measures> = {}): Measures {
	return {
		...emptyMeasures(),
		issued: waits.length,
		called: waits.length,
		served: services.length,
		waitSum: waits.reduce((s, v) => s + v, 0),
		waitHistogram: histogramOf(waits),
		serviceSum: services.reduce((s, v) => s + v, 0),
		serviceCount: services.length,
		serviceHistogram: histogramOf(services),
		...extra
	};
}

describe('KPIs from measures', () => {
	it('averages, no-show share and service level of one group', () => {
		const k = kpisOf(measures([60, 120, 600, 2400], [300, 500, 700], { noShow: 1, withinTarget: 3 }));
		expect(k.wait.avg).toBe(795);
		expect(k.service.avg).toBe(500);
		expect(k.noShow).toEqual({ count: 1, pct: 0.25 });
		expect(k.serviceLevel).toBe(0.75);
	});

	it('merging groups gives the KPIs of all tickets together, not the mean of the groups', () => {
		const a = measures([60, 60], [100], { withinTarget: 2 });
		const b = measures([600, 600, 600, 600], [400, 400], { withinTarget: 0, noShow: 2 });
		const all = kpisOf(mergeMeasures([a, b]));
		expect(all.issued).toBe(6);
		expect(all.wait.avg).toBe((120 + 2400) / 6);
		expect(all.service.avg).toBe(300);
		expect(all.serviceLevel).toBeCloseTo(2 / 6);
		expect(all.noShow.pct).toBeCloseTo(2 / 6);
		expect(all.wait.p50).toBeGreaterThanOrEqual(600);
	});

	it('has no averages, shares or percentiles for a group without calls', () => {
		const k = kpisOf({ ...emptyMeasures(), issued: 3 });
		expect(k.wait).toEqual({ avg: null, p50: null, p90: null });
		expect(k.serviceLevel).toBeNull();
		expect(k.noShow.pct).toBeNull();
	});
});
