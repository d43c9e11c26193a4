// The coverage page's address: ?year (the target's year, default this year in WIB), ?province (the
// regencies of one province listed) and ?map (what colours the province tiles: coverage, ikm or
// serviceLevel, the last two over the last 30 closed days); anything else there is a readable 400.
import { currentYear } from '$lib/server/national-coverage/coverage';
import { allRegions } from '$lib/server/national-coverage/regions';
import { tileMetrics, type TileMetric } from '$lib/domain/province-tiles';

export type CoverageQuery =
	{ ok: true; year: number; province: string | null; map: TileMetric } | { ok: false; reason: string };

export function parseCoverageQuery(params: URLSearchParams): CoverageQuery {
	const rawYear = params.get('year');
	const year = rawYear ? Number(rawYear) : currentYear();
	if (!Number.isInteger(year) || year < 2000 || year > 2100)
		return { ok: false, reason: 'year harus tahun 2000–2100 (year must be 2000–2100)' };
	const province = params.get('province') || null;
	if (province !== null && !allRegions().some((r) => r.province === province))
		return { ok: false, reason: 'province tidak dikenal (unknown province)' };
	const map = params.get('map') || 'coverage';
	if (!(tileMetrics as readonly string[]).includes(map))
		return {
			ok: false,
			reason: 'map harus coverage, ikm atau serviceLevel (map must be coverage, ikm or serviceLevel)'
		};
	return { ok: true, year, province, map: map as TileMetric };
}
