// The coverage matrix (issue 14): active MPPs against the national standard services. Each MPP's share
// of the MoU agencies present (an agency counts as present when at least one of its MoU services is
// mapped at the MPP), and per province the MoU services some of its MPPs still lack. Pure.

export interface MatrixStandard {
	code: string;
	name: string;
	agency: string;
	mou: boolean;
}

export interface MatrixMppInput {
	slug: string;
	name: string;
	province: string;
	city: string;
	/** standard codes with at least one active local service mapped */
	present: string[];
}

export interface MatrixMpp extends MatrixMppInput {
	mouAgenciesPresent: number;
	/** 0–1, null when the catalogue has no MoU agency */
	mouShare: number | null;
	/** MoU standard services it lacks */
	mouMissing: string[];
}

export interface ProvinceGap {
	province: string;
	mpps: number;
	/** the average of its MPPs' MoU shares, 0–1 */
	mouShare: number | null;
	/** each MoU standard service lacking in at least one of its MPPs, most lacking first */
	gaps: { code: string; lacking: number }[];
}

export interface ServiceMatrix {
	standards: MatrixStandard[];
	mouAgencies: number;
	mpps: MatrixMpp[];
	provinces: ProvinceGap[];
}

export function serviceMatrix(standards: MatrixStandard[], mpps: MatrixMppInput[]): ServiceMatrix {
	const mou = standards.filter((s) => s.mou);
	const mouAgencies = new Set(mou.map((s) => s.agency));
	const rows = mpps.map((mpp) => {
		const present = new Set(mpp.present);
		const agencies = new Set(mou.filter((s) => present.has(s.code)).map((s) => s.agency));
		return {
			...mpp,
			mouAgenciesPresent: agencies.size,
			mouShare: mouAgencies.size ? agencies.size / mouAgencies.size : null,
			mouMissing: mou.filter((s) => !present.has(s.code)).map((s) => s.code)
		};
	});
	const byProvince = new Map<string, MatrixMpp[]>();
	for (const row of rows) byProvince.set(row.province, [...(byProvince.get(row.province) ?? []), row]);
	const provinces = [...byProvince].map(([province, list]) => {
		const lacking = new Map<string, number>();
		for (const row of list)
			for (const code of row.mouMissing) lacking.set(code, (lacking.get(code) ?? 0) + 1);
		const shares = list.map((r) => r.mouShare).filter((s): s is number => s !== null);
		return {
			province,
			mpps: list.length,
			mouShare: shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : null,
			gaps: [...lacking]
				.map(([code, n]) => ({ code, lacking: n }))
				.sort((a, b) => b.lacking - a.lacking || a.code.localeCompare(b.code))
		};
	});
	// the provinces furthest from the MoUs first: where the programme's work is
	provinces.sort(
		(a, b) => (a.mouShare ?? 1) - (b.mouShare ?? 1) || a.province.localeCompare(b.province, 'id')
	);
	return { standards, mouAgencies: mouAgencies.size, mpps: rows, provinces };
}
