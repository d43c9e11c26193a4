// One row per active MPP for the ministry's ranking (issue 5): the KPIs of issue 4 over the MPP's own
// local dates, its province and time zone. Aggregates only: no ticket, person or comment ever appears.
import { emptyTotals, ikmResult, type IkmGrade } from '../../domain/ikm';
import { emptyMeasures, kpisOf, roundKpis, type Kpis, type Measures } from '../../domain/kpi';
import { localDate, zoneLabel } from '../../domain/local-day';
import type { Sql } from '../db/client';
import { bookingTotalsOf, type BookingTotals } from '../db/national';
import type { IkmTotals } from '../../domain/ikm';
import { mppSize, type MppSize } from '../../domain/mpp-size';
import { gatherMeasures, type NationalFilter, type NationalPeriod } from './measures';

export interface RankingIkm {
	value: number | null;
	grade: IkmGrade | null;
	respondents: number;
	requiredSample: number | null;
}

export interface MppRankingRow extends Kpis {
	mppId: string;
	slug: string;
	name: string;
	province: string;
	city: string;
	timezone: string;
	/** WIB, WITA or WIT */
	zone: string;
	/** tickets per open day in the period; null without any */
	size: MppSize | null;
	openDays: number;
	ikm: RankingIkm;
	booking: RankingBooking;
}

/** How an MPP's citizens use booking (issue 12); null where it had no bookings to judge by. */
export interface RankingBooking {
	/** share of the tickets issued that came from a booking checked in on time */
	use: number | null;
	/** share of the bookings whose window passed that nobody came for */
	noShowRate: number | null;
	checkedIn: number;
	noShow: number;
}

export type RankingQuery = NationalPeriod & { now?: Date; filter?: NationalFilter };

export async function mppRanking(sql: Sql, query: RankingQuery): Promise<MppRankingRow[]> {
	const now = query.now ?? new Date();
	const { measures, ikm, mpps, openDays } = await gatherMeasures(sql, query, 'mpp', now, query.filter);
	const ranges = mpps.map((mpp) => {
		const today = localDate(now, mpp.timezone);
		return 'today' in query ? { mppId: mpp.id, from: today, to: today } : { mppId: mpp.id, ...query };
	});
	const bookings = new Map((await bookingTotalsOf(sql, ranges)).map((b) => [b.mppId, b]));
	return mpps.map((mpp) => {
		const m = measures.get(mpp.id) ?? emptyMeasures();
		const days = openDays.get(mpp.id) ?? 0;
		return {
			mppId: mpp.id,
			slug: mpp.slug,
			name: mpp.name,
			province: mpp.province,
			city: mpp.city,
			timezone: mpp.timezone,
			zone: zoneLabel(mpp.timezone),
			size: mppSize(m.issued, days),
			openDays: days,
			...roundKpis(kpisOf(m)),
			ikm: rankingIkm(ikm.get(mpp.id), m),
			booking: rankingBooking(bookings.get(mpp.id), m.issued)
		};
	});
}

export function rankingBooking(b: BookingTotals | undefined, issued: number): RankingBooking {
	const checkedIn = b?.checkedIn ?? 0;
	const noShow = b?.noShow ?? 0;
	const passed = checkedIn + noShow + (b?.lateWalkIn ?? 0);
	const round = (share: number) => Math.round(share * 10_000) / 10_000;
	return {
		use: b && issued > 0 ? round(checkedIn / issued) : null,
		noShowRate: passed > 0 ? round(noShow / passed) : null,
		checkedIn,
		noShow
	};
}

/** The IKM of pooled element totals, with the people served as the population of the required sample. */
export function rankingIkm(totals: IkmTotals | undefined, measures: Measures): RankingIkm {
	const { value, grade, respondents, requiredSample } = ikmResult(totals ?? emptyTotals(), measures.served);
	return { value, grade, respondents, requiredSample };
}
