// Realistic past days for an MPP (DOMAIN's generator profile), bulk-written with COPY so that months
// of history for many MPPs take seconds. Generated tickets carry no ticket_events: history is what
// statistics read, and the event log records what people and devices actually did.
import { planDay, type PlanService } from '../../domain/history-plan';
import { dayOfWeekFactor, seededRandom } from '../../domain/traffic-profile';
import { addDays, weekdayOf, zonedInstant } from '../../domain/zoned-time';
import type { Sql } from '../db/client';
import { copyTickets, datesWithTickets, loadHistoryMpp, recordDailyCounters } from '../db/history';
import { notFound } from '../errors';
import { uuidv7At } from '../ids';
import { generateTrackCode } from '../queue/track-code';
import { rebuildStats } from '../stats/rollup';

/** DOMAIN "service_mix": share of tickets by tenant category; other tenants share the rest. */
const categoryShare: Record<string, number> = {
	DUKCAPIL: 0.4,
	DPMPTSP: 0.1,
	SAMSAT: 0.1,
	BAPENDA: 0.05,
	POLRI: 0.1,
	IMIGRASI: 0.06,
	BPJS: 0.06,
	BANK: 0.08
};
const otherShare = 0.1;

export interface GenerateHistoryInput {
	mppId: string;
	/** inclusive MPP-local dates, 'YYYY-MM-DD' */
	from: string;
	to: string;
	/** tickets on an average weekday; default from the number of counters (≈ 22 each) */
	ticketsPerWeekday?: number;
	seed?: number;
}

export async function generateHistory(
	sql: Sql,
	input: GenerateHistoryInput
): Promise<{ tickets: number; days: number }> {
	const mpp = await loadHistoryMpp(sql, input.mppId);
	if (!mpp) throw notFound('MPP tidak ditemukan (unknown MPP).');
	const services = weightServices(mpp.services);
	const perWeekday = input.ticketsPerWeekday ?? mpp.counters.length * 22;
	const skip = await datesWithTickets(sql, mpp.id, input.from, input.to);
	const random = seededRandom(input.seed ?? hash(mpp.id));
	let tickets = 0;
	let days = 0;

	function* lines() {
		for (let date = input.from; date <= input.to; date = addDays(date, 1)) {
			if (skip.has(date)) continue;
			const weekday = weekdayOf(date);
			const noise = 0.85 + random() * 0.3;
			const planned = planDay({
				weekday,
				openingHours: mpp!.openingHours,
				services,
				counters: mpp!.counters,
				expectedTickets: perWeekday * dayOfWeekFactor[weekday] * noise,
				random
			});
			if (planned.length) days++;
			// one zone lookup per day, not per timestamp: Indonesian zones have no DST (DOMAIN §6), and
			// Intl offset lookups were most of the generator's time
			const midnight = zonedInstant(date, 0, mpp!.timezone);
			for (const t of planned) {
				tickets++;
				const at = (seconds: number | null) =>
					seconds === null ? '\\N' : new Date(midnight + seconds * 1000).toISOString();
				const issuedAt = at(t.issuedAt);
				yield (
					[
						uuidv7At(midnight + t.issuedAt * 1000),
						mpp!.id,
						t.serviceId,
						t.serviceId,
						date,
						t.seq,
						t.number,
						t.status,
						t.priorityGroup ?? '\\N',
						generateTrackCode(12),
						issuedAt,
						issuedAt,
						at(t.calledAt),
						at(t.calledAt + (t.callCount - 1) * 60),
						t.callCount,
						at(t.startedAt),
						at(t.finishedAt),
						t.counterId,
						'kiosk'
					].join('\t') + '\n'
				);
			}
		}
	}

	await copyTickets(sql, mpp.id, input.from, input.to, lines());
	await recordDailyCounters(sql, mpp.id, input.from, input.to);
	// generated days get no ticket_events, so the stats catch-up would not see them change: roll them now
	await rebuildStats(sql, mpp.id, input.from, input.to);
	return { tickets, days };
}

export function weightServices(
	services: { id: string; prefix: string; tenantCode: string; dailyQuota: number | null }[]
): PlanService[] {
	const perCategory = new Map<string, number>();
	for (const s of services) {
		const category = categoryOf(s.tenantCode);
		perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
	}
	const others = [...perCategory.keys()].filter((c) => !(c in categoryShare));
	const otherCount = others.reduce((sum, c) => sum + perCategory.get(c)!, 0);
	return services.map((s) => {
		const category = categoryOf(s.tenantCode);
		const share =
			category in categoryShare
				? categoryShare[category] / perCategory.get(category)!
				: otherShare / otherCount;
		return { id: s.id, prefix: s.prefix, category, weight: share, dailyQuota: s.dailyQuota };
	});
}

/** Tenant codes such as POLRI_SIM or BANK_BJB map to their profile category. */
function categoryOf(tenantCode: string): string {
	const known = Object.keys(categoryShare).find((c) => tenantCode === c || tenantCode.startsWith(`${c}_`));
	return known ?? tenantCode;
}

function hash(text: string): number {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	return h >>> 0;
}
