// The measures behind every national figure (issue 5), gathered like mppStats gathers one MPP's: closed
// days from the rollups (caught up first), each MPP's own today from its tickets, survey totals straight
// from the surveys. Each MPP reads its own local dates (DOMAIN §6), so a national day D is the sum of
// every MPP's local day D, and "today" is every MPP's own today. Read from a replica, an MPP whose
// rollups it has not replayed yet has its closed days read from its tickets too (../stats/replica-lag).
import type { IkmTotals } from '../../domain/ikm';
import { mergeTotals } from '../../domain/ikm';
import { mergeMeasures, type Measures } from '../../domain/kpi';
import { localDate, zoneLabel } from '../../domain/local-day';
import { addDays } from '../../domain/zoned-time';
import { writerFor, type Sql } from '../db/client';
import {
	listNationalMpps,
	openDaysOf,
	rollupMeasuresOf,
	surveyTotalsOf,
	ticketMeasuresOf,
	ticketOpenDaysOf,
	type MppRange,
	type NationalKey,
	type NationalMpp
} from '../db/national';
import { mppsNotRolledOnReplica } from '../stats/replica-lag';
import { catchUpManyStats } from '../stats/rollup';

/** MPP-local dates, inclusive, the same for every MPP; or each MPP's own local today. */
export type NationalPeriod = { from: string; to: string } | { today: true };

/** Which MPPs count: all active ones, or those of one province or time zone (WIB, WITA, WIT). */
export interface NationalFilter {
	province?: string;
	zone?: string;
}

export interface NationalMeasures {
	mpps: NationalMpp[];
	/** by key: an MPP's id, or a date, a week's Monday, a month 'YYYY-MM' */
	measures: Map<string, Measures>;
	ikm: Map<string, IkmTotals>;
	/** by MPP id, only for the 'mpp' key: local days with tickets in the period */
	openDays: Map<string, number>;
}

// Identical gatherings in flight share one answer: /ministry asks for its headline and its ranking at
// once, and both need every MPP's measures of the same period.
const inFlight = new Map<string, Promise<NationalMeasures>>();

export function gatherMeasures(
	sql: Sql,
	period: NationalPeriod,
	key: NationalKey,
	now: Date,
	filter: NationalFilter = {}
): Promise<NationalMeasures> {
	const id = JSON.stringify([
		'today' in period ? 'today' : [period.from, period.to],
		key,
		now.getTime(),
		filter.province ?? null,
		filter.zone ?? null
	]);
	const pending = inFlight.get(id);
	if (pending) return pending;
	const gathering = gather(sql, period, key, now, filter).finally(() => inFlight.delete(id));
	inFlight.set(id, gathering);
	return gathering;
}

async function gather(
	sql: Sql,
	period: NationalPeriod,
	key: NationalKey,
	now: Date,
	filter: NationalFilter
): Promise<NationalMeasures> {
	const mpps = (await listNationalMpps(sql)).filter(
		(m) =>
			(!filter.province || m.province === filter.province) &&
			(!filter.zone || zoneLabel(m.timezone) === filter.zone)
	);
	const closed: MppRange[] = [];
	const live: MppRange[] = [];
	const all: MppRange[] = [];
	for (const mpp of mpps) {
		const today = localDate(now, mpp.timezone);
		const { from, to } = 'today' in period ? { from: today, to: today } : period;
		const yesterday = addDays(today, -1);
		const closedTo = to < yesterday ? to : yesterday;
		const liveFrom = from > today ? from : today;
		all.push({ mppId: mpp.id, from, to });
		if (from <= closedTo) closed.push({ mppId: mpp.id, from, to: closedTo });
		if (liveFrom <= to) live.push({ mppId: mpp.id, from: liveFrom, to });
	}

	const rolled = async () => {
		// one statement when there is nothing to do, however many MPPs
		const ids = new Set(closed.map((r) => r.mppId));
		await catchUpManyStats(
			writerFor(sql),
			mpps.filter((m) => ids.has(m.id)),
			now
		);
		// on a replica that has not replayed those rollups yet, such MPPs are read from its tickets
		const lagging = await mppsNotRolledOnReplica(sql, [...ids], now);
		const fromRollups = closed.filter((r) => !lagging.has(r.mppId));
		const fromTickets = closed.filter((r) => lagging.has(r.mppId));
		const [rollups, tickets, openDays, ticketOpenDays] = await Promise.all([
			rollupMeasuresOf(sql, fromRollups, key),
			ticketMeasuresOf(sql, fromTickets, key),
			key === 'mpp' ? openDaysOf(sql, fromRollups) : new Map<string, number>(),
			key === 'mpp' ? ticketOpenDaysOf(sql, fromTickets) : new Map<string, number>()
		]);
		return [[...rollups, ...tickets], new Map([...openDays, ...ticketOpenDays])] as const;
	};
	// today's tickets of every MPP in one scan: a few hundred an MPP by midday
	const fromTickets = () => ticketMeasuresOf(sql, live, key);
	const [[fromRollups, openDays], today, surveys] = await Promise.all([
		rolled(),
		fromTickets(),
		surveyTotalsOf(sql, all, key)
	]);

	const measures = new Map<string, Measures>();
	for (const { key: k, ...m } of today) {
		// today counts as a day open once it has a ticket
		if (key === 'mpp' && m.issued > 0) openDays.set(k, (openDays.get(k) ?? 0) + 1);
	}
	for (const { key: k, ...m } of [...fromRollups, ...today]) {
		const group = measures.get(k);
		measures.set(k, group ? mergeMeasures([group, m]) : m);
	}
	const ikm = new Map<string, IkmTotals>();
	for (const { key: k, ...totals } of surveys) {
		const group = ikm.get(k);
		ikm.set(k, group ? mergeTotals([group, totals]) : totals);
	}
	return { mpps, measures, ikm, openDays };
}
