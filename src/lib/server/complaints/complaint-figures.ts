// Complaints per MPP for the ministry (issue 14): how often citizens followed the SP4N-LAPOR! link
// (from the tracking page, from the survey) and how they rated the survey's complaint-handling element
// ("pengaduan", DOMAIN §1), over a period of the MPPs' own local dates.
import { formatCsv } from '../../csv';
import { elementNrr } from '../../domain/ikm';
import type { Actor } from '../auth/actor';
import type { Sql } from '../db/client';
import { countComplaintClicks } from '../db/complaints';
import { requireCatalogueEditor } from '../national-catalogue/access';
import { gatherMeasures, type NationalFilter } from '../national/measures';

export interface ComplaintRow {
	slug: string;
	name: string;
	province: string;
	city: string;
	trackingClicks: number;
	surveyClicks: number;
	respondents: number;
	/** the average "pengaduan" answer, 1–4, null without respondents */
	pengaduan: number | null;
	/** the same on the IKM scale (× 25), 25–100 */
	pengaduanIndex: number | null;
}

export interface ComplaintFigures {
	from: string;
	to: string;
	rows: ComplaintRow[];
	total: Omit<ComplaintRow, 'slug' | 'name' | 'province' | 'city'>;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
// an element's NRR (1–4) on the IKM's 25–100 scale, as the IKM converts the average of all nine
const IKM_SCALE = 25;

export async function complaintFigures(
	sql: Sql,
	actor: Actor,
	query: { from: string; to: string; now?: Date; filter?: NationalFilter }
): Promise<ComplaintFigures> {
	requireCatalogueEditor(actor);
	const now = query.now ?? new Date();
	const [{ mpps, ikm }, clicks] = await Promise.all([
		gatherMeasures(sql, { from: query.from, to: query.to }, 'mpp', now, query.filter),
		countComplaintClicks(sql, query.from, query.to)
	]);
	const clicksOf = new Map(clicks.map((c) => [c.mppId, c]));
	let pengaduanSum = 0;
	const rows = mpps.map((mpp) => {
		const c = clicksOf.get(mpp.id);
		const survey = ikm.get(mpp.id);
		const respondents = survey?.respondents ?? 0;
		pengaduanSum += survey?.totals.pengaduan ?? 0;
		const average = elementNrr(survey?.totals.pengaduan ?? 0, respondents);
		return {
			slug: mpp.slug,
			name: mpp.name,
			province: mpp.province,
			city: mpp.city,
			trackingClicks: c?.tracking ?? 0,
			surveyClicks: c?.survey ?? 0,
			respondents,
			pengaduan: average,
			pengaduanIndex: average === null ? null : round(average * IKM_SCALE, 2)
		};
	});
	// the most complaints first, then the lowest rated complaint handling
	rows.sort(
		(a, b) =>
			b.trackingClicks + b.surveyClicks - (a.trackingClicks + a.surveyClicks) ||
			(a.pengaduanIndex ?? 101) - (b.pengaduanIndex ?? 101) ||
			a.name.localeCompare(b.name, 'id')
	);
	const respondents = rows.reduce((n, r) => n + r.respondents, 0);
	const average = elementNrr(pengaduanSum, respondents);
	return {
		from: query.from,
		to: query.to,
		rows,
		total: {
			trackingClicks: rows.reduce((n, r) => n + r.trackingClicks, 0),
			surveyClicks: rows.reduce((n, r) => n + r.surveyClicks, 0),
			respondents,
			pengaduan: average,
			pengaduanIndex: average === null ? null : round(average * IKM_SCALE, 2)
		}
	};
}

export function complaintsCsv(figures: ComplaintFigures): string {
	const cells = (r: ComplaintFigures['total']) => [
		r.trackingClicks,
		r.surveyClicks,
		r.respondents,
		r.pengaduan ?? '',
		r.pengaduanIndex ?? ''
	];
	return formatCsv([
		[
			'level',
			'mpp',
			'mpp_name',
			'province',
			'city',
			'from',
			'to',
			'lapor_clicks_tracking',
			'lapor_clicks_survey',
			'survey_respondents',
			'pengaduan_average',
			'pengaduan_index'
		],
		...figures.rows.map((r) => [
			'mpp',
			r.slug,
			r.name,
			r.province,
			r.city,
			figures.from,
			figures.to,
			...cells(r)
		]),
		['national', '', '', '', '', figures.from, figures.to, ...cells(figures.total)]
	]);
}
