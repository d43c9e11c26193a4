// Indonesia's 38 provinces as a tile map (issue 14): one square each, placed roughly where the province
// lies (west to east in columns, north to south in rows), so the ministry sees the country at a glance
// without a map server or geodata. Keyed by Kemendagri province code; labels are the usual short forms.

export interface ProvinceTile {
	code: string;
	short: string;
	col: number;
	row: number;
}

export const provinceTiles: ProvinceTile[] = [
	{ code: '11', short: 'ACEH', col: 1, row: 1 },
	{ code: '12', short: 'SUMUT', col: 2, row: 2 },
	{ code: '14', short: 'RIAU', col: 3, row: 2 },
	{ code: '21', short: 'KEPRI', col: 4, row: 2 },
	{ code: '13', short: 'SUMBAR', col: 2, row: 3 },
	{ code: '15', short: 'JAMBI', col: 3, row: 3 },
	{ code: '19', short: 'BABEL', col: 4, row: 3 },
	{ code: '17', short: 'BKL', col: 2, row: 4 },
	{ code: '16', short: 'SUMSEL', col: 3, row: 4 },
	{ code: '18', short: 'LAMPUNG', col: 3, row: 5 },
	{ code: '31', short: 'DKI', col: 5, row: 5 },
	{ code: '36', short: 'BANTEN', col: 4, row: 6 },
	{ code: '32', short: 'JABAR', col: 5, row: 6 },
	{ code: '33', short: 'JATENG', col: 6, row: 6 },
	{ code: '34', short: 'DIY', col: 6, row: 7 },
	{ code: '35', short: 'JATIM', col: 7, row: 6 },
	{ code: '51', short: 'BALI', col: 8, row: 6 },
	{ code: '52', short: 'NTB', col: 9, row: 6 },
	{ code: '53', short: 'NTT', col: 10, row: 6 },
	{ code: '61', short: 'KALBAR', col: 6, row: 3 },
	{ code: '65', short: 'KALTARA', col: 8, row: 2 },
	{ code: '64', short: 'KALTIM', col: 8, row: 3 },
	{ code: '62', short: 'KALTENG', col: 7, row: 4 },
	{ code: '63', short: 'KALSEL', col: 8, row: 4 },
	{ code: '75', short: 'GTLO', col: 10, row: 2 },
	{ code: '71', short: 'SULUT', col: 11, row: 2 },
	{ code: '72', short: 'SULTENG', col: 10, row: 3 },
	{ code: '76', short: 'SULBAR', col: 9, row: 4 },
	{ code: '73', short: 'SULSEL', col: 10, row: 4 },
	{ code: '74', short: 'SULTRA', col: 11, row: 4 },
	{ code: '82', short: 'MALUT', col: 12, row: 2 },
	{ code: '81', short: 'MALUKU', col: 12, row: 4 },
	{ code: '96', short: 'PBD', col: 13, row: 3 },
	{ code: '92', short: 'PABAR', col: 14, row: 3 },
	{ code: '91', short: 'PAPUA', col: 15, row: 3 },
	{ code: '94', short: 'PATENG', col: 14, row: 4 },
	{ code: '95', short: 'PAPEG', col: 15, row: 4 },
	{ code: '93', short: 'PASEL', col: 15, row: 5 }
];

/** Five shades from low to high; null (nothing to show) is grey. `share` is 0–1 of the scale. */
export function tileShade(share: number | null): number | null {
	if (share === null || Number.isNaN(share)) return null;
	return Math.min(4, Math.max(0, Math.floor(Math.min(share, 0.9999) * 5)));
}

export const tileMetrics = ['coverage', 'ikm', 'serviceLevel'] as const;
export type TileMetric = (typeof tileMetrics)[number];

/** Where a value sits on its metric's colour scale, 0–1: coverage and service level are shares already;
 * an IKM runs from 60 (below grade C's 65) to 100. */
export function metricShare(metric: TileMetric, value: number | null): number | null {
	if (value === null) return null;
	if (metric === 'ikm') return Math.min(1, Math.max(0, (value - 60) / 40));
	return value;
}
