// The MPPs whose IKM grade (A–D, DOMAIN §1) moved between two periods (issue 5), by default last month
// against the month before: each MPP's IKM from its pooled answers in each period, with both values
// and respondents, so a move carried by a handful of answers is visible as such.
import type { IkmGrade } from '../../domain/ikm';
import type { Sql } from '../db/client';
import type { NationalFilter } from './measures';
import { mppRanking, type RankingIkm } from './ranking';

export interface DateRange {
	from: string;
	to: string;
}

export interface GradeChange {
	mppId: string;
	slug: string;
	name: string;
	province: string;
	city: string;
	zone: string;
	before: RankingIkm;
	after: RankingIkm;
	direction: 'up' | 'down';
}

export interface GradeChangeResult {
	before: DateRange;
	after: DateRange;
	/** MPPs with a grade in both periods */
	compared: number;
	/** falls first, then rises; the largest move first within each */
	changes: GradeChange[];
}

const rank: Record<IkmGrade, number> = { A: 4, B: 3, C: 2, D: 1 };

export async function gradeChanges(
	sql: Sql,
	query: { before: DateRange; after: DateRange; now?: Date; filter?: NationalFilter }
): Promise<GradeChangeResult> {
	const [earlier, later] = await Promise.all([
		mppRanking(sql, { ...query.before, now: query.now, filter: query.filter }),
		mppRanking(sql, { ...query.after, now: query.now, filter: query.filter })
	]);
	const beforeOf = new Map(earlier.map((r) => [r.mppId, r.ikm]));
	let compared = 0;
	const changes: GradeChange[] = [];
	for (const row of later) {
		const before = beforeOf.get(row.mppId);
		if (!before?.grade || !row.ikm.grade) continue;
		compared += 1;
		if (before.grade === row.ikm.grade) continue;
		changes.push({
			mppId: row.mppId,
			slug: row.slug,
			name: row.name,
			province: row.province,
			city: row.city,
			zone: row.zone,
			before,
			after: row.ikm,
			direction: rank[row.ikm.grade] > rank[before.grade] ? 'up' : 'down'
		});
	}
	const move = (c: GradeChange) => Math.abs((c.after.value ?? 0) - (c.before.value ?? 0));
	changes.sort((a, b) =>
		a.direction !== b.direction ? (a.direction === 'down' ? -1 : 1) : move(b) - move(a)
	);
	return { before: query.before, after: query.after, compared, changes };
}
