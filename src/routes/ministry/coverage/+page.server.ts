import { addDays } from '$lib/domain/zoned-time';
import { localDate } from '$lib/domain/local-day';
import { getSql, getStatsSql } from '$lib/server/db/client';
import { tileFigures } from '$lib/server/national-coverage/tile-map';
import { readCoverage, setCoverageTarget, setRegionStatus } from '$lib/server/national-coverage/coverage';
import { requireCatalogueEditor } from '$lib/server/national-catalogue/access';
import { act, formObject, guarded } from '../../admin/form.server';
import { orPageError } from '../../admin/page-error.server';
import { badQuery, requireMinistry } from '../access.server';
import type { Actions, PageServerLoad } from './$types';
import { parseCoverageQuery } from './query.server';

/** /ministry/coverage: the regencies and cities without an MPP against the year's target (issue 14). */
export const load: PageServerLoad = async (event) => {
	const { locale } = requireMinistry(event);
	const query = parseCoverageQuery(event.url.searchParams);
	if (!query.ok) badQuery(locale, query.reason);
	const report = await orPageError(locale, () => readCoverage(getSql(), event.locals.actor, query.year));
	// IKM and service level over the last 30 closed days (WIB), as the ministry's other pages default
	const now = new Date();
	const to = addDays(localDate(now, 'Asia/Jakarta'), -1);
	const period = { from: addDays(to, -29), to, now };
	const tiles = await tileFigures(getStatsSql(), query.map, report, period);
	return {
		tiles,
		period: { from: period.from, to: period.to },
		locale,
		query: { year: query.year, province: query.province ?? '', map: query.map },
		year: report.year,
		target: report.target,
		remainingToTarget: report.remainingToTarget,
		national: report.national,
		progress: report.progress,
		provinces: report.provinces,
		// the list of one province's regencies, or none: 514 rows are the CSV's job
		regions: query.province ? report.regions.filter((r) => r.province === query.province) : []
	};
};

// ministry and superadmin, decided before the body is read
const editor = ({ locals }: { locals: App.Locals }) => requireCatalogueEditor(locals.actor);

export const actions: Actions = {
	setTarget: guarded(editor, async ({ locals }, _user, form) => {
		const values = formObject(form);
		return act(locals.locale, 'target', values, () => setCoverageTarget(getSql(), locals.actor, values));
	}),
	setStatus: guarded(editor, async ({ locals }, _user, form) => {
		const values = formObject(form);
		return act(locals.locale, 'status', values, () => setRegionStatus(getSql(), locals.actor, values));
	})
};
