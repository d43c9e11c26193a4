// The IKM beside every stats row (issue 4): the survey helper's IKM math (src/lib/domain/ikm.ts) over
// the element totals of the row's surveys, with the citizens served in the row as the population for
// the Krejcie–Morgan required sample.
import { emptyTotals, ikmResult, mergeTotals, type IkmResult, type IkmTotals } from '../../domain/ikm';
import type { Db } from '../db/client';
import type { StatsRange } from '../db/stats-read';
import { surveyTotals } from '../db/stats-surveys';

export type StatsIkm = IkmResult;

/** Survey totals per group key (as the key appears in stats rows), and over all groups. */
export async function ikmTotalsByGroup(
	db: Db,
	range: StatsRange
): Promise<{ byKey: Map<string, IkmTotals>; total: IkmTotals }> {
	const rows = await surveyTotals(db, range);
	const byKey = new Map(rows.map((r) => [String(r.key), { totals: r.totals, respondents: r.respondents }]));
	return { byKey, total: mergeTotals([...byKey.values()]) };
}

export function ikmForStats(totals: IkmTotals | undefined, served: number): StatsIkm {
	return ikmResult(totals ?? emptyTotals(), served);
}
