// The ministry's coverage answer (issue 14): how many regencies and cities are still without an MPP
// against this year's target, per province, and the records behind it, which the ministry keeps.
import { z } from 'zod';
import { formatCsv } from '../../csv';
import {
	coverageRegions,
	coverageReport,
	progressByYear,
	type YearProgress,
	type CoverageReport,
	type RecordedStatus
} from '../../domain/coverage';
import { localDate } from '../../domain/local-day';
import { parseInput } from '../admin/input';
import { save, type Saved } from '../admin/live';
import type { Actor } from '../auth/actor';
import type { Sql } from '../db/client';
import {
	findRegionStatus,
	findTarget,
	listOperatingRegions,
	listTargets,
	listRegionStatuses,
	upsertRegionStatus,
	upsertTarget
} from '../db/coverage';
import { insertNationalAudit } from '../db/national-audit';
import { requireCatalogueEditor } from '../national-catalogue/access';
import { fieldError } from '../admin/input';
import { allRegions } from './regions';

/** The ministry's year: its calendar in WIB, where the programme is steered from. */
export function currentYear(now = new Date()): number {
	return Number(localDate(now, 'Asia/Jakarta').slice(0, 4));
}

export async function readCoverage(
	sql: Sql,
	actor: Actor,
	year = currentYear()
): Promise<CoverageReport & { progress: { years: YearProgress[]; undated: number } }> {
	requireCatalogueEditor(actor);
	const [recorded, operating, target, targets] = await Promise.all([
		listRegionStatuses(sql),
		listOperatingRegions(sql),
		findTarget(sql, year),
		listTargets(sql)
	]);
	const regions = coverageRegions(
		allRegions(),
		new Map(recorded.map((r) => [r.code, r])),
		new Map(operating.map((o) => [o.code, o.slugs]))
	);
	return {
		...coverageReport(regions, year, target),
		progress: progressByYear(regions, targets, currentYear())
	};
}

const statusSchema = z
	.object({
		code: z.string().trim(),
		status: z.enum(['none', 'planned', 'building', 'inaugurated'] as const),
		inauguratedOn: z
			.string()
			.trim()
			.optional()
			.transform((v) => (v ? v : null))
	})
	.superRefine((v, ctx) => {
		if (v.status === 'inaugurated' && !(v.inauguratedOn && /^\d{4}-\d{2}-\d{2}$/.test(v.inauguratedOn)))
			ctx.addIssue({ code: 'custom', path: ['inauguratedOn'], message: 'admin.invalid.date' });
	});

export async function setRegionStatus(
	sql: Sql,
	actor: Actor,
	input: unknown
): Promise<Saved<{ code: string }>> {
	const user = requireCatalogueEditor(actor);
	const data = parseInput(statusSchema, input);
	if (!allRegions().some((r) => r.code === data.code)) throw fieldError('code', 'admin.invalid.region');
	const row = {
		code: data.code,
		status: data.status as RecordedStatus,
		inauguratedOn: data.status === 'inaugurated' ? data.inauguratedOn : null
	};
	return save(sql, async ({ tx }) => {
		const before = await findRegionStatus(tx, row.code);
		await upsertRegionStatus(tx, row, user.id);
		await insertNationalAudit(tx, {
			userId: user.id,
			entity: 'region_status',
			entityId: row.code,
			changes: {
				status: [before?.status ?? 'none', row.status],
				inauguratedOn: [before?.inauguratedOn ?? null, row.inauguratedOn]
			}
		});
		return { code: row.code };
	});
}

const targetSchema = z.object({
	year: z.coerce.number().int().min(2000).max(2100),
	regencies: z.coerce.number().int().min(1).max(1000)
});

export async function setCoverageTarget(
	sql: Sql,
	actor: Actor,
	input: unknown
): Promise<Saved<{ year: number }>> {
	const user = requireCatalogueEditor(actor);
	const data = parseInput(targetSchema, input);
	return save(sql, async ({ tx }) => {
		const before = await upsertTarget(tx, data.year, data.regencies, user.id);
		await insertNationalAudit(tx, {
			userId: user.id,
			entity: 'coverage_target',
			entityId: String(data.year),
			changes: { regencies: [before, data.regencies] }
		});
		return { year: data.year };
	});
}

/** Every regency and city with its status, then each province, then the nation with the year's target. */
export function coverageCsv(report: CoverageReport): string {
	const counts = (c: CoverageReport['national']) => [
		c.regions,
		c.withMpp,
		c.withoutMpp,
		c.byStatus.none,
		c.byStatus.planned,
		c.byStatus.building,
		c.byStatus.inaugurated,
		c.byStatus.operating
	];
	return formatCsv([
		[
			'level',
			'province',
			'code',
			'name',
			'status',
			'inaugurated_on',
			'mpps',
			'regions',
			'with_mpp',
			'without_mpp',
			'none',
			'planned',
			'building',
			'inaugurated',
			'operating',
			'year',
			'target',
			'remaining_to_target'
		],
		...report.regions.map((r) => [
			'regency',
			r.province,
			r.code,
			r.name,
			r.status,
			r.inauguratedOn ?? '',
			r.mpps.join(' '),
			...Array(8).fill(''),
			'',
			'',
			''
		]),
		...report.provinces.map((p) => ['province', p.province, '', '', '', '', '', ...counts(p), '', '', '']),
		[
			'national',
			'',
			'',
			'',
			'',
			'',
			'',
			...counts(report.national),
			report.year,
			report.target ?? '',
			report.remainingToTarget ?? ''
		]
	]);
}
