// The province tile map's figures (issue 14): per province, the share of regencies and cities with an
// MPP, or the IKM or service level of its MPPs over a period (from the national rollups).
import { metricShare, provinceTiles, tileShade, type TileMetric } from '../../domain/province-tiles';
import type { CoverageReport } from '../../domain/coverage';
import type { Sql } from '../db/client';
import { nationalStats } from '../national/stats';
import { allProvinces } from './regions';

export interface TileFigure {
	code: string;
	short: string;
	name: string;
	col: number;
	row: number;
	/** coverage and service level 0–1, IKM 25–100; null: nothing to show (no MPP on Antrean) */
	value: number | null;
	/** 0–4, null for grey */
	shade: number | null;
	/** MPPs on Antrean in the province (IKM and service level), regencies with an MPP (coverage) */
	count: number;
}

export async function tileFigures(
	sql: Sql,
	metric: TileMetric,
	coverage: CoverageReport,
	period: { from: string; to: string; now: Date }
): Promise<TileFigure[]> {
	const names = new Map(allProvinces().map((p) => [p.code, p.name]));
	let valueOf: (name: string) => { value: number | null; count: number };
	if (metric === 'coverage') {
		const byName = new Map(coverage.provinces.map((p) => [p.province, p]));
		valueOf = (name) => {
			const p = byName.get(name);
			return { value: p && p.regions ? p.withMpp / p.regions : null, count: p?.withMpp ?? 0 };
		};
	} else {
		const stats = await nationalStats(sql, { ...period, groupBy: 'province' });
		const byName = new Map(stats.rows.map((r) => [r.province ?? '', r]));
		valueOf = (name) => {
			const row = byName.get(name);
			const value = !row ? null : metric === 'ikm' ? row.ikm.value : row.serviceLevel;
			return { value, count: row?.mpps ?? 0 };
		};
	}
	return provinceTiles.map((tile) => {
		const name = names.get(tile.code) ?? tile.code;
		const { value, count } = valueOf(name);
		return { ...tile, name, value, count, shade: tileShade(metricShare(metric, value)) };
	});
}
