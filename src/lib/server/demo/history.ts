// The demo's past: realistic days for every demo MPP from `days` days ago up to yesterday in the
// MPP's own zone, so dashboards have data on the first start while today begins empty. Only the days
// after the last one with tickets are generated: a second start writes nothing (and skips the
// generator's work over the whole range), a start on a later day fills in the days since. Each
// generated day also gets its citizens' survey answers, so the IKM has respondents from the start.
import { localDate } from '../../domain/local-day';
import { addDays } from '../../domain/zoned-time';
import type { Sql } from '../db/client';
import { datesWithTickets } from '../db/history';
import { findMppBySlug } from '../db/mpps';
import { generateHistory } from '../history/generate';
import { generateHistorySurveys } from '../stats/history-surveys';
import { demoMpps, type DemoMpp } from './profile';
import { ticketsPerWeekdayBySize } from './volume';

export interface DemoHistoryResult {
	tickets: number;
	days: number;
	surveys: number;
	ms: number;
}

export async function seedDemoHistory(
	sql: Sql,
	options: { days?: number; now?: Date; mpps?: DemoMpp[] } = {}
): Promise<DemoHistoryResult> {
	const began = performance.now();
	const now = options.now ?? new Date();
	const span = options.days ?? 90;
	// the MPPs in parallel: one generates rows in Node while another's COPY and rollups run in PostgreSQL
	const written = await Promise.all(
		(options.mpps ?? demoMpps).map(async (demo) => {
			const mpp = await findMppBySlug(sql, demo.slug);
			if (!mpp) return { tickets: 0, days: 0, surveys: 0 };
			const today = localDate(now, mpp.timezone);
			const to = addDays(today, -1);
			const earliest = addDays(to, -(span - 1));
			const known = [...(await datesWithTickets(sql, mpp.id, earliest, today))].sort();
			const from = known.length ? addDays(known[known.length - 1], 1) : earliest;
			if (from > to) return { tickets: 0, days: 0, surveys: 0 };
			const history = await generateHistory(sql, {
				mppId: mpp.id,
				from,
				to,
				ticketsPerWeekday: ticketsPerWeekdayBySize[demo.size]
			});
			const seed = slugSeed(demo.slug);
			const surveys = await generateHistorySurveys(sql, { mppId: mpp.id, from, to, seed });
			return { ...history, surveys };
		})
	);
	const tickets = written.reduce((sum, w) => sum + w.tickets, 0);
	const days = written.reduce((sum, w) => sum + w.days, 0);
	const surveys = written.reduce((sum, w) => sum + w.surveys, 0);
	return { tickets, days, surveys, ms: Math.round(performance.now() - began) };
}

/** A fixed seed per demo MPP, so its response rate and monthly satisfaction level stay the same. */
function slugSeed(slug: string): number {
	let h = 2166136261;
	for (let i = 0; i < slug.length; i++) h = Math.imul(h ^ slug.charCodeAt(i), 16777619);
	return h >>> 0;
}
