// The weekly visit report the ministry asks of every MPP (issue 5, DOMAIN §2: "KemenPANRB asks for
// weekly visit reports and ranks lowest/highest-traffic MPPs"): tickets issued and served per MPP per
// ISO week of its own local dates (DOMAIN §6). Closed days come from the MPP-day rollup (caught up
// first, as gatherMeasures does); each MPP's own today, when the range reaches it, from its tickets,
// and so are the closed days of an MPP whose rollups a replica has not replayed yet (../stats/replica-lag).
import { localDate, zoneLabel } from '../../domain/local-day';
import { isoWeekOf, mondayOf, mondaysBetween } from '../../domain/iso-week';
import { addDays } from '../../domain/zoned-time';
import { writerFor, type Sql } from '../db/client';
import { listNationalMpps, type MppRange } from '../db/national';
import { weeklyVisitsOf } from '../db/national-weeks';
import { ticketMeasures } from '../db/stats-read';
import { mppsNotRolledOnReplica } from '../stats/replica-lag';
import { catchUpManyStats } from '../stats/rollup';
import type { NationalFilter } from './measures';

export interface Visits {
	issued: number;
	served: number;
}

export interface ReportWeek {
	/** 'YYYY-Www' */
	week: string;
	/** Monday and Sunday, local dates */
	from: string;
	to: string;
	/** some MPP has not finished this week yet: its figures are so far */
	inProgress: boolean;
}

export interface WeeklyVisitsRow extends Visits {
	mppId: string;
	slug: string;
	name: string;
	province: string;
	city: string;
	/** WIB, WITA or WIT */
	zone: string;
	/** one per report week, in order; `issued` and `served` are the row's totals */
	weeks: Visits[];
}

export interface WeeklyVisits {
	weeks: ReportWeek[];
	/** busiest MPP first (the ministry ranks by traffic), then by province and name */
	rows: WeeklyVisitsRow[];
	/** every listed MPP together */
	total: Visits & { mpps: number; weeks: Visits[] };
}

export interface WeeklyVisitsQuery {
	/** Mondays of the first and last week, inclusive */
	from: string;
	to: string;
	filter?: NationalFilter;
	now?: Date;
}

/** WIB is the westernmost zone: a week is over everywhere once it is over there. */
const latestZone = 'Asia/Jakarta';

export async function weeklyVisits(sql: Sql, query: WeeklyVisitsQuery): Promise<WeeklyVisits> {
	const now = query.now ?? new Date();
	const filter = query.filter ?? {};
	const mondays = mondaysBetween(query.from, query.to);
	const lastDay = addDays(query.to, 6);
	const westToday = localDate(now, latestZone);
	const weeks = mondays.map((monday) => ({
		week: isoWeekOf(monday),
		from: monday,
		to: addDays(monday, 6),
		inProgress: addDays(monday, 6) >= westToday
	}));

	const mpps = (await listNationalMpps(sql)).filter(
		(m) =>
			(!filter.province || m.province === filter.province) &&
			(!filter.zone || zoneLabel(m.timezone) === filter.zone)
	);
	const closed: MppRange[] = [];
	const live: MppRange[] = [];
	for (const mpp of mpps) {
		const today = localDate(now, mpp.timezone);
		const yesterday = addDays(today, -1);
		const closedTo = lastDay < yesterday ? lastDay : yesterday;
		if (query.from <= closedTo) closed.push({ mppId: mpp.id, from: query.from, to: closedTo });
		if (query.from <= today && today <= lastDay) live.push({ mppId: mpp.id, from: today, to: today });
	}

	// tickets are read per MPP range, as gatherMeasures does: a day of one MPP is a few hundred tickets
	const fromTickets = async (ranges: MppRange[]) =>
		(
			await Promise.all(
				ranges.map(async (range) => {
					const rows = await ticketMeasures(sql, { ...range, groupBy: 'day' });
					return rows.map((day) => ({
						mppId: range.mppId,
						week: String(day.key),
						issued: day.issued,
						served: day.served
					}));
				})
			)
		).flat();
	const rolled = async () => {
		const ids = new Set(closed.map((r) => r.mppId));
		await catchUpManyStats(
			writerFor(sql),
			mpps.filter((m) => ids.has(m.id)),
			now
		);
		// on a replica that has not replayed those rollups yet, such MPPs are read from its tickets
		const lagging = await mppsNotRolledOnReplica(sql, [...ids], now);
		const [visits, lagged] = await Promise.all([
			weeklyVisitsOf(
				sql,
				closed.filter((r) => !lagging.has(r.mppId))
			),
			fromTickets(closed.filter((r) => lagging.has(r.mppId)))
		]);
		return [...visits, ...lagged];
	};
	const [fromRollups, today] = await Promise.all([rolled(), fromTickets(live)]);

	const weekIndex = new Map(mondays.map((monday, i) => [monday, i]));
	const perMpp = new Map(mpps.map((m) => [m.id, mondays.map(() => ({ issued: 0, served: 0 }))]));
	for (const visits of [...fromRollups, ...today]) {
		// rollup rows carry their Monday already, today's rows their date
		const i = weekIndex.get(mondayOf(visits.week));
		const cells = perMpp.get(visits.mppId);
		if (i === undefined || !cells) continue;
		cells[i].issued += visits.issued;
		cells[i].served += visits.served;
	}

	const rows: WeeklyVisitsRow[] = mpps.map((mpp) => {
		const cells = perMpp.get(mpp.id)!;
		return {
			mppId: mpp.id,
			slug: mpp.slug,
			name: mpp.name,
			province: mpp.province,
			city: mpp.city,
			zone: zoneLabel(mpp.timezone),
			weeks: cells,
			...sum(cells)
		};
	});
	rows.sort(
		(a, b) =>
			b.issued - a.issued || a.province.localeCompare(b.province, 'id') || a.name.localeCompare(b.name, 'id')
	);
	const totalWeeks = mondays.map((_, i) => sum(rows.map((r) => r.weeks[i])));
	return { weeks, rows, total: { mpps: rows.length, weeks: totalWeeks, ...sum(totalWeeks) } };
}

function sum(cells: Visits[]): Visits {
	return cells.reduce((t, c) => ({ issued: t.issued + c.issued, served: t.served + c.served }), {
		issued: 0,
		served: 0
	});
}
