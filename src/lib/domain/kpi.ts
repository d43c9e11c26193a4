// The additive measures behind every KPI (DESIGN "Statistics") and the KPIs derived from them. Rollup
// rows, live aggregates of today's tickets and any grouping of them merge by adding measures, so a
// total is exactly the sum of its rows; only the final KPIs divide or read percentiles.
import { addHistogram, emptyHistogram, percentileOf, type Histogram } from './histogram';

export interface Measures {
	issued: number;
	/** tickets called at least once */
	called: number;
	served: number;
	noShow: number;
	cancelled: number;
	/** Σ wait seconds (first call − issue) over called tickets */
	waitSum: number;
	waitHistogram: Histogram;
	/** Σ service seconds (finish − start, start defaulting to the call) over served tickets */
	serviceSum: number;
	serviceCount: number;
	serviceHistogram: Histogram;
	/** called tickets whose wait was within their service's target wait */
	withinTarget: number;
}

export interface TimeKpi {
	avg: number | null;
	p50: number | null;
	p90: number | null;
}

export interface Kpis {
	issued: number;
	called: number;
	served: number;
	/** pct: no-shows among called tickets, 0–1 (a ticket can only be absent once it was called) */
	noShow: { count: number; pct: number | null };
	/** seconds */
	wait: TimeKpi;
	/** seconds */
	service: TimeKpi;
	/** share of called tickets called within their service's target wait, 0–1 */
	serviceLevel: number | null;
}

export function emptyMeasures(): Measures {
	return {
		issued: 0,
		called: 0,
		served: 0,
		noShow: 0,
		cancelled: 0,
		waitSum: 0,
		waitHistogram: emptyHistogram(),
		serviceSum: 0,
		serviceCount: 0,
		serviceHistogram: emptyHistogram(),
		withinTarget: 0
	};
}

/** Adds `other` into `into` (in place) and returns it. */
export function addMeasures(into: Measures, other: Measures): Measures {
	into.issued += other.issued;
	into.called += other.called;
	into.served += other.served;
	into.noShow += other.noShow;
	into.cancelled += other.cancelled;
	into.waitSum += other.waitSum;
	addHistogram(into.waitHistogram, other.waitHistogram);
	into.serviceSum += other.serviceSum;
	into.serviceCount += other.serviceCount;
	addHistogram(into.serviceHistogram, other.serviceHistogram);
	into.withinTarget += other.withinTarget;
	return into;
}

export function mergeMeasures(parts: Iterable<Measures>): Measures {
	const total = emptyMeasures();
	for (const part of parts) addMeasures(total, part);
	return total;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function timeKpi(sum: number, count: number, histogram: Histogram): TimeKpi {
	return {
		avg: count > 0 ? sum / count : null,
		p50: percentileOf(histogram, 0.5),
		p90: percentileOf(histogram, 0.9)
	};
}

export function kpisOf(m: Measures): Kpis {
	return {
		issued: m.issued,
		called: m.called,
		served: m.served,
		noShow: { count: m.noShow, pct: ratio(m.noShow, m.called) },
		wait: timeKpi(m.waitSum, m.called, m.waitHistogram),
		service: timeKpi(m.serviceSum, m.serviceCount, m.serviceHistogram),
		serviceLevel: ratio(m.withinTarget, m.called)
	};
}

/** Seconds to one decimal and shares to four, for answers people and spreadsheets read. */
export function roundKpis(k: Kpis): Kpis {
	const s = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
	const r = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);
	const t = (v: TimeKpi): TimeKpi => ({ avg: s(v.avg), p50: s(v.p50), p90: s(v.p90) });
	return {
		...k,
		noShow: { count: k.noShow.count, pct: r(k.noShow.pct) },
		wait: t(k.wait),
		service: t(k.service),
		serviceLevel: r(k.serviceLevel)
	};
}
