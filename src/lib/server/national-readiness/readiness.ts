// The baseline and readiness of each MPP (issue 14): the ministry records five indicators; each save
// keeps the values that changed as new rows (their history) and in the national audit; the score
// follows the published formula (domain/readiness.ts).
import { z } from 'zod';
import { formatCsv } from '../../csv';
import {
	isComplaintAddress,
	readValue,
	readinessIndicators,
	readinessScore,
	COUNT_MAX,
	type ReadinessIndicator,
	type ReadinessScore,
	type ReadinessValue
} from '../../domain/readiness';
import { fieldError, parseInput, problemMessage, whole } from '../admin/input';
import { save, type Saved } from '../admin/live';
import type { Actor } from '../auth/actor';
import type { Db, Sql } from '../db/client';
import { insertNationalAudit } from '../db/national-audit';
import {
	insertReadiness,
	listReadiness,
	listReadinessHistory,
	lockReadinessMpp,
	type ReadinessMpp,
	type ReadinessRecord
} from '../db/readiness';
import { notFound } from '../errors';
import { requireCatalogueEditor } from '../national-catalogue/access';

export interface MppReadiness extends Omit<ReadinessMpp, 'current' | 'id'> {
	values: Record<ReadinessIndicator, ReadinessValue | null>;
	score: ReadinessScore;
}

function withScore(row: ReadinessMpp): MppReadiness {
	const values = Object.fromEntries(
		readinessIndicators.map((i) => [i, row.current[i] === undefined ? null : readValue(i, row.current[i])])
	) as Record<ReadinessIndicator, ReadinessValue | null>;
	const { current: _current, id: _id, ...rest } = row;
	return { ...rest, values, score: readinessScore(values) };
}

/** Every active MPP's readiness, lowest score first (where the programme's help is needed). */
export async function readReadiness(
	db: Db,
	actor: Actor,
	province: string | null = null
): Promise<MppReadiness[]> {
	requireCatalogueEditor(actor);
	const rows = (await listReadiness(db)).map(withScore);
	return rows
		.filter((r) => province === null || r.province === province)
		.sort((a, b) => a.score.score - b.score.score || a.name.localeCompare(b.name, 'id'));
}

export async function readMppReadiness(
	db: Db,
	actor: Actor,
	slug: string
): Promise<{ mpp: MppReadiness; history: (ReadinessRecord & { shown: ReadinessValue | null })[] }> {
	requireCatalogueEditor(actor);
	const [row] = await listReadiness(db, slug);
	if (!row) throw notFound('MPP tidak ditemukan.', 'mpp_not_found');
	const history = await listReadinessHistory(db, row.id);
	return {
		mpp: withScore(row),
		history: history.map((h) => ({ ...h, shown: readValue(h.indicator, h.value) }))
	};
}

const yesNo = z.preprocess(
	(v) => (v === '' || v === undefined ? undefined : v),
	z.enum(['true', 'false'], { error: problemMessage('admin.invalid.choice') }).optional()
);
const count = z.preprocess((v) => (v === '' ? undefined : v), whole(0, COUNT_MAX).optional());

// Every field may be left empty: "not recorded yet" stays so, and is never recorded as 0 or "no".
const readinessSchema = z.object({
	agencies_present: count,
	digital_services: count,
	vulnerable_facilities: yesNo,
	complaint_channel: z
		.string()
		.trim()
		.max(300, problemMessage('admin.invalid.tooLong', { max: 300 }))
		.optional()
		.transform((v) => (v ? v : undefined)),
	skm_published: yesNo
});

/** Records what changed among the indicators; an empty field changes nothing. */
export async function setReadiness(
	sql: Sql,
	actor: Actor,
	slug: string,
	input: unknown
): Promise<Saved<{ slug: string; recorded: ReadinessIndicator[] }>> {
	const user = requireCatalogueEditor(actor);
	const data = parseInput(readinessSchema, input);
	if (data.complaint_channel !== undefined && !isComplaintAddress(data.complaint_channel))
		throw fieldError('complaint_channel', 'admin.invalid.httpsAddress');
	return save(sql, async ({ tx }) => {
		const mpp = await lockReadinessMpp(tx, slug);
		if (!mpp) throw notFound('MPP tidak ditemukan.', 'mpp_not_found');
		const [row] = await listReadiness(tx, slug);
		const changes: Record<string, [unknown, unknown]> = {};
		const rows: Parameters<typeof insertReadiness>[1] = [];
		for (const indicator of readinessIndicators) {
			const value = data[indicator];
			if (value === undefined) continue;
			const stored = String(value);
			const before = row.current[indicator] ?? null;
			if (before === stored) continue;
			changes[indicator] = [before, stored];
			rows.push({ mppId: mpp.id, indicator, value: stored, userId: user.id });
		}
		await insertReadiness(tx, rows);
		if (rows.length)
			await insertNationalAudit(tx, { userId: user.id, entity: 'readiness', entityId: slug, changes });
		return { slug, recorded: rows.map((r) => r.indicator) };
	});
}

export function readinessCsv(rows: MppReadiness[]): string {
	const cell = (v: ReadinessValue | null) =>
		v === null ? '' : typeof v === 'boolean' ? (v ? 'ya' : 'tidak') : v;
	return formatCsv([
		[
			'mpp',
			'mpp_name',
			'province',
			'city',
			'score',
			...readinessIndicators,
			...readinessIndicators.map((i) => `points_${i}`),
			'tenants_on_antrean'
		],
		...rows.map((r) => [
			r.slug,
			r.name,
			r.province,
			r.city,
			r.score.score,
			...readinessIndicators.map((i) => cell(r.values[i])),
			...readinessIndicators.map((i) => r.score.points[i]),
			r.tenantsOnAntrean
		])
	]);
}
