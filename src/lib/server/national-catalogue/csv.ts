// The national catalogue as CSV (issue 14): export, edit in a spreadsheet, import. Like the MPP setup
// import (admin/bulk.ts) it validates every line with the form's schema, matches by code, creates or
// updates (never deletes), and is all or nothing: a dry run or any problem rolls everything back and
// the report names each problem with its line and column.
import { formatCsv, parseCsv, unguardCell } from '../../csv';
import type { Actor } from '../auth/actor';
import type { Sql } from '../db/client';
import {
	insertStandardService,
	listStandardServices,
	lockStandardService,
	updateStandardService
} from '../db/standard-services';
import type { ImportProblem, ImportReport } from '../admin/bulk';
import { isFieldError, parseInput } from '../admin/input';
import { isSafeKey, safeRecord } from '../safe-keys';
import { requireCatalogueEditor } from './access';
import { standardServiceSchema, type StandardServiceInput } from './schemas';
import { auditStandardService } from './standard-services';

export const columns = ['code', 'name', 'agency', 'mou', 'active'] as const;
type Column = (typeof columns)[number];
const required: Column[] = ['code', 'name', 'agency'];
const MAX_LINES = 2000;

// yes/no as spreadsheets and people write it, in both languages; empty means "no" for mou and
// "yes" for active (a new line is meant to be used)
const yes = new Set(['ya', 'y', 'yes', 'true', '1']);
const no = new Set(['tidak', 't', 'no', 'n', 'false', '0']);

export async function exportStandardServicesCsv(sql: Sql, actor: Actor): Promise<string> {
	requireCatalogueEditor(actor);
	const rows = await listStandardServices(sql);
	return formatCsv([
		[...columns],
		...rows.map((r) => [r.code, r.name, r.agency, r.mou ? 'ya' : 'tidak', r.active ? 'ya' : 'tidak'])
	]);
}

class Rollback extends Error {}

export async function importStandardServicesCsv(
	sql: Sql,
	actor: Actor,
	text: string,
	options: { dryRun: boolean }
): Promise<ImportReport> {
	const user = requireCatalogueEditor(actor);
	const report: ImportReport = {
		dryRun: options.dryRun,
		applied: false,
		created: 0,
		updated: 0,
		unchanged: 0,
		errors: [],
		warnings: []
	};
	const lines = readLines(text, report.errors);
	if (report.errors.length) return report;
	try {
		await sql.begin(async (tx) => {
			for (const { data, active } of lines) {
				const before = await lockStandardService(tx, data.code);
				if (!before) {
					const created = await insertStandardService(tx, { ...data, active });
					if (created) await auditStandardService(tx, user.id, null, created);
					report.created++;
					continue;
				}
				const after = { ...before, ...data, active };
				const same = (['name', 'agency', 'mou', 'active'] as const).every((k) => before[k] === after[k]);
				if (same) report.unchanged++;
				else {
					await auditStandardService(tx, user.id, before, await updateStandardService(tx, data.code, after));
					report.updated++;
				}
			}
			if (options.dryRun) throw new Rollback();
		});
		report.applied = true;
	} catch (error) {
		if (!(error instanceof Rollback)) throw error;
	}
	return report;
}

interface Line {
	line: number;
	data: StandardServiceInput;
	active: boolean;
}

function readLines(text: string, errors: ImportProblem[]): Line[] {
	const rows = parseCsv(text).filter((r) => r.some((c) => c.trim() !== ''));
	const header = (rows[0] ?? []).map((h) => unguardCell(h.trim().toLowerCase()));
	// a column Antrean does not know is refused, not ignored: `__proto__` or a typo would otherwise
	// drop data silently (issue 10 item 2)
	const unknown = header.find((h) => !isSafeKey(h) || !(columns as readonly string[]).includes(h));
	const missing = required.find((c) => !header.includes(c));
	if (rows.length === 0 || unknown !== undefined || missing) {
		errors.push({
			line: 1,
			field: unknown?.slice(0, 40) || missing || 'code',
			key: 'admin.import.header',
			params: { columns: columns.join(', ') }
		});
		return [];
	}
	if (rows.length > MAX_LINES + 1) {
		errors.push({
			line: MAX_LINES + 2,
			field: 'code',
			key: 'admin.import.tooLong',
			params: { max: MAX_LINES }
		});
		return [];
	}
	const seen = new Map<string, number>();
	return rows.slice(1).flatMap((row, i) => {
		const line = i + 2;
		const cells = safeRecord(
			columns.map((c) => [c, unguardCell((row[header.indexOf(c)] ?? '').trim())])
		) as Record<Column, string>;
		const mou = yesNo(cells.mou, false);
		const active = yesNo(cells.active, true);
		for (const [field, value] of [
			['mou', mou],
			['active', active]
		] as const) {
			if (value === null) errors.push({ line, field, key: 'catalogue.import.yesNo' });
		}
		let data: StandardServiceInput;
		try {
			data = parseInput(standardServiceSchema, { ...cells, mou: mou ? 'on' : '' });
		} catch (error) {
			if (!isFieldError(error)) throw error;
			for (const [field, problem] of Object.entries(error.fields)) errors.push({ line, field, ...problem });
			return [];
		}
		const first = seen.get(data.code);
		if (first) {
			errors.push({ line, field: 'code', key: 'catalogue.import.repeated', params: { line: first } });
			return [];
		}
		seen.set(data.code, line);
		return mou === null || active === null ? [] : [{ line, data, active }];
	});
}

function yesNo(cell: string, empty: boolean): boolean | null {
	const value = cell.toLowerCase();
	if (value === '') return empty;
	return yes.has(value) ? true : no.has(value) ? false : null;
}
