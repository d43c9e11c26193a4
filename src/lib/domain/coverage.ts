// MPP coverage of the regencies and cities (issue 14, DOMAIN §2: one MPP in each of the 514). Pure:
// the regions, what the ministry recorded of each, which ones have an MPP operating on Antrean, and
// the year's target in; the national and per-province answer out.

export const regionStatuses = ['none', 'planned', 'building', 'inaugurated', 'operating'] as const;
export type RegionStatus = (typeof regionStatuses)[number];
/** what the ministry records by hand; "operating" follows from an MPP on Antrean */
export type RecordedStatus = Exclude<RegionStatus, 'operating'>;

export interface CoverageRegion {
	code: string;
	name: string;
	province: string;
	status: RegionStatus;
	/** 'YYYY-MM-DD' when inaugurated */
	inauguratedOn: string | null;
	/** the Antrean MPPs of this regency, by slug */
	mpps: string[];
}

export interface CoverageCounts {
	regions: number;
	/** an MPP open to citizens: inaugurated, or operating on Antrean */
	withMpp: number;
	withoutMpp: number;
	byStatus: Record<RegionStatus, number>;
}

export interface ProvinceCoverage extends CoverageCounts {
	province: string;
}

export interface CoverageReport {
	year: number;
	/** regencies and cities that should have an MPP by the end of `year`, or null when none is set */
	target: number | null;
	/** target − withMpp when a target is set (never below 0) */
	remainingToTarget: number | null;
	national: CoverageCounts;
	provinces: ProvinceCoverage[];
	regions: CoverageRegion[];
}

export function coverageRegions(
	regions: { code: string; name: string; province: string }[],
	recorded: Map<string, { status: RecordedStatus; inauguratedOn: string | null }>,
	operating: Map<string, string[]>
): CoverageRegion[] {
	return regions.map((r) => {
		const mpps = operating.get(r.code) ?? [];
		const record = recorded.get(r.code);
		return {
			...r,
			status: mpps.length ? 'operating' : (record?.status ?? 'none'),
			inauguratedOn: record?.inauguratedOn ?? null,
			mpps
		};
	});
}

function count(regions: CoverageRegion[]): CoverageCounts {
	const byStatus = Object.fromEntries(regionStatuses.map((s) => [s, 0])) as Record<RegionStatus, number>;
	for (const r of regions) byStatus[r.status]++;
	const withMpp = byStatus.inaugurated + byStatus.operating;
	return { regions: regions.length, withMpp, withoutMpp: regions.length - withMpp, byStatus };
}

export function coverageReport(
	regions: CoverageRegion[],
	year: number,
	target: number | null
): CoverageReport {
	const national = count(regions);
	const byProvince = new Map<string, CoverageRegion[]>();
	for (const r of regions) byProvince.set(r.province, [...(byProvince.get(r.province) ?? []), r]);
	const provinces = [...byProvince]
		.map(([province, list]) => ({ province, ...count(list) }))
		// the provinces with most regencies still without an MPP first: where the programme's work is
		.sort((a, b) => b.withoutMpp - a.withoutMpp || a.province.localeCompare(b.province, 'id'));
	return {
		year,
		target,
		remainingToTarget: target === null ? null : Math.max(0, target - national.withMpp),
		national,
		provinces,
		regions
	};
}

export interface YearProgress {
	year: number;
	/** regencies and cities whose MPP was inaugurated that year (by the recorded date) */
	inaugurated: number;
	/** with a dated inauguration up to the year's end */
	cumulative: number;
	target: number | null;
}

/**
 * The pace of building (DOMAIN §2: "no real-time data on the acceleration of MPP building"): MPPs
 * inaugurated per year against each year's target, from the first year with either up to `upTo`.
 * Regencies with an MPP but no recorded date are left out of the years (the page counts them apart).
 */
export function progressByYear(
	regions: CoverageRegion[],
	targets: { year: number; regencies: number }[],
	upTo: number
): { years: YearProgress[]; undated: number } {
	const perYear = new Map<number, number>();
	let undated = 0;
	for (const r of regions) {
		if (r.status !== 'inaugurated' && r.status !== 'operating') continue;
		const year = r.inauguratedOn ? Number(r.inauguratedOn.slice(0, 4)) : null;
		if (year === null) undated++;
		else perYear.set(year, (perYear.get(year) ?? 0) + 1);
	}
	const targetOf = new Map(targets.map((t) => [t.year, t.regencies]));
	const first = Math.min(upTo, ...perYear.keys(), ...targetOf.keys());
	const years: YearProgress[] = [];
	let cumulative = 0;
	for (let year = first; year <= Math.max(upTo, ...targetOf.keys()); year++) {
		cumulative += perYear.get(year) ?? 0;
		years.push({ year, inaugurated: perYear.get(year) ?? 0, cumulative, target: targetOf.get(year) ?? null });
	}
	return { years, undated };
}
