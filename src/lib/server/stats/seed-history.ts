// `npm run seed:history`: N MPPs over the three zones (created when missing) with D days of history
// ending yesterday (MPP-local), rollups included, written by a few MPPs in parallel so Node plans one
// MPP's tickets while PostgreSQL copies and rolls up another's.
import { localDate } from '../../domain/local-day';
import { addDays } from '../../domain/zoned-time';
import type { Sql } from '../db/client';
import { findMppBySlug } from '../db/mpps';
import { seedMpp } from '../demo/seed';
import { generateHistory } from '../history/generate';
import { generateHistorySurveys } from './history-surveys';
import { planHistoryMpp } from './history-mpps';

export interface SeedHistoryInput {
	mpps: number;
	days: number;
	seed?: number;
	/** MPPs generated at once; each holds one connection */
	parallel?: number;
	now?: Date;
	onMpp?: (done: { slug: string; tickets: number; created: boolean }) => void;
}

export interface SeedHistoryResult {
	mpps: number;
	created: number;
	tickets: number;
	surveys: number;
	seconds: number;
}

export async function seedHistory(sql: Sql, input: SeedHistoryInput): Promise<SeedHistoryResult> {
	const started = performance.now();
	const now = input.now ?? new Date();
	const result = { mpps: input.mpps, created: 0, tickets: 0, surveys: 0, seconds: 0 };
	let next = 0;
	const worker = async () => {
		while (next < input.mpps) {
			const i = next++;
			const plan = planHistoryMpp(i);
			let mpp = await findMppBySlug(sql, plan.mpp.slug);
			const created = !mpp;
			if (!mpp) {
				await sql.begin((tx) => seedMpp(tx, plan.mpp, new Map()));
				mpp = (await findMppBySlug(sql, plan.mpp.slug))!;
				result.created++;
			}
			const to = addDays(localDate(now, mpp.timezone), -1);
			const from = addDays(to, -(input.days - 1));
			const seed = (input.seed ?? 1) * 7919 + i;
			const { tickets } = await generateHistory(sql, {
				mppId: mpp.id,
				from,
				to,
				ticketsPerWeekday: plan.ticketsPerWeekday,
				seed
			});
			result.tickets += tickets;
			result.surveys += await generateHistorySurveys(sql, { mppId: mpp.id, from, to, seed });
			input.onMpp?.({ slug: plan.mpp.slug, tickets, created });
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, input.parallel ?? 2) }, worker));
	result.seconds = (performance.now() - started) / 1000;
	return result;
}
