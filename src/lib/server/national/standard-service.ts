// National answers for one standard service (issue 14: "how long does a KTP-el take across
// Indonesia"): volume, wait, service time, service level and IKM of the MPP services mapped to it, per
// MPP, per province and nationally. Read like every national figure (measures.ts): closed days from
// the day rollups (caught up first), each MPP's own today from its tickets, surveys by service. Totals
// merge measures and element totals, never averages of averages; the national wait and service
// percentiles come from the merged histograms, so they are the distribution over every ticket.
import { emptyTotals, mergeTotals, type IkmTotals } from '../../domain/ikm';
import { emptyMeasures, kpisOf, mergeMeasures, roundKpis, type Kpis, type Measures } from '../../domain/kpi';
import { localDate } from '../../domain/local-day';
import { periodsBetween } from '../../domain/periods';
import { addDays } from '../../domain/zoned-time';
import type { Actor } from '../auth/actor';
import { writerFor, type Sql } from '../db/client';
import { listNationalMpps, type MppRange } from '../db/national';
import {
	listServicesMappedTo,
	rollupMeasuresOfServices,
	type ServiceRange,
	surveyTotalsOfServices,
	ticketMeasuresOfServices
} from '../db/standard-service-stats';
import type { StandardService } from '../db/standard-services';
import { standardServiceOf } from '../national-catalogue/coverage';
import { mppsNotRolledOnReplica } from '../stats/replica-lag';
import { catchUpManyStats } from '../stats/rollup';
import { rankingIkm, type RankingIkm } from './ranking';

export type Figures = Kpis & { ikm: RankingIkm };

export interface StandardServiceMppRow extends Figures {
	slug: string;
	name: string;
	province: string;
	city: string;
}

export interface StandardServiceResult {
	standard: StandardService;
	from: string;
	to: string;
	/** the active MPPs with a service mapped to it, by province then name */
	mpps: StandardServiceMppRow[];
	provinces: (Figures & { province: string; mpps: number })[];
	national: Figures & { mpps: number };
}

interface Group {
	measures: Measures;
	ikm: IkmTotals;
}

export async function standardServiceStats(
	sql: Sql,
	actor: Actor,
	query: { code: unknown; from: string; to: string; now?: Date }
): Promise<StandardServiceResult> {
	const standard = await standardServiceOf(sql, actor, query.code);
	const now = query.now ?? new Date();
	const services = await listServicesMappedTo(sql, standard.code);
	const withService = new Set(services.map((s) => s.mppId));
	const mpps = (await listNationalMpps(sql)).filter((m) => withService.has(m.id));
	const serviceIds = services.map((s) => s.id);

	const closed: MppRange[] = [];
	const live: MppRange[] = [];
	const all: MppRange[] = [];
	for (const mpp of mpps) {
		const today = localDate(now, mpp.timezone);
		const yesterday = addDays(today, -1);
		const closedTo = query.to < yesterday ? query.to : yesterday;
		const liveFrom = query.from > today ? query.from : today;
		all.push({ mppId: mpp.id, from: query.from, to: query.to });
		if (query.from <= closedTo) closed.push({ mppId: mpp.id, from: query.from, to: closedTo });
		if (liveFrom <= query.to) live.push({ mppId: mpp.id, from: liveFrom, to: query.to });
	}
	const ids = new Set(closed.map((r) => r.mppId));
	await catchUpManyStats(
		writerFor(sql),
		mpps.filter((m) => ids.has(m.id)),
		now
	);
	// on a replica that has not replayed those rollups yet, such MPPs are read from their tickets
	const lagging = await mppsNotRolledOnReplica(sql, [...ids], now);
	// each mapped service over its MPP's range: whole months from the month rollups, the rest by day
	const perService = (ranges: MppRange[]) => {
		const byMpp = new Map(ranges.map((r) => [r.mppId, r]));
		const split: { days: ServiceRange[]; months: ServiceRange[] } = { days: [], months: [] };
		for (const service of services) {
			const range = byMpp.get(service.mppId);
			if (!range) continue;
			const whole: string[] = [];
			for (const period of periodsBetween(range.from, range.to, 'month')) {
				if (period.partial) split.days.push({ ...range, ...period, serviceId: service.id });
				else whole.push(`${period.key}-01`);
			}
			// the whole months inside one range are consecutive
			if (whole.length)
				split.months.push({ ...range, from: whole[0], to: whole[whole.length - 1], serviceId: service.id });
		}
		return split;
	};
	const [rolled, tickets, surveys] = await Promise.all([
		rollupMeasuresOfServices(sql, perService(closed.filter((r) => !lagging.has(r.mppId)))),
		ticketMeasuresOfServices(sql, [...live, ...closed.filter((r) => lagging.has(r.mppId))], serviceIds),
		surveyTotalsOfServices(sql, perService(all))
	]);

	const byMpp = new Map<string, Group>(
		mpps.map((m) => [m.id, { measures: emptyMeasures(), ikm: emptyTotals() }])
	);
	for (const { key, ...m } of [...rolled, ...tickets]) {
		const group = byMpp.get(key);
		if (group) group.measures = mergeMeasures([group.measures, m]);
	}
	for (const { key, ...totals } of surveys) {
		const group = byMpp.get(key);
		if (group) group.ikm = mergeTotals([group.ikm, totals]);
	}

	const provinces = new Map<string, Group & { mpps: number }>();
	for (const mpp of mpps) {
		const own = byMpp.get(mpp.id)!;
		const province = provinces.get(mpp.province) ?? {
			measures: emptyMeasures(),
			ikm: emptyTotals(),
			mpps: 0
		};
		provinces.set(mpp.province, {
			measures: mergeMeasures([province.measures, own.measures]),
			ikm: mergeTotals([province.ikm, own.ikm]),
			mpps: province.mpps + 1
		});
	}
	const groups = [...byMpp.values()];
	return {
		standard,
		from: query.from,
		to: query.to,
		mpps: mpps.map((m) => ({
			slug: m.slug,
			name: m.name,
			province: m.province,
			city: m.city,
			...figures(byMpp.get(m.id)!)
		})),
		provinces: [...provinces.entries()]
			.sort(([a], [b]) => a.localeCompare(b, 'id'))
			.map(([province, g]) => ({ province, mpps: g.mpps, ...figures(g) })),
		national: {
			mpps: mpps.length,
			...figures({
				measures: mergeMeasures(groups.map((g) => g.measures)),
				ikm: mergeTotals(groups.map((g) => g.ikm))
			})
		}
	};
}

function figures(g: Group): Figures {
	return { ...roundKpis(kpisOf(g.measures)), ikm: rankingIkm(g.ikm, g.measures) };
}
