// Bulk setup (issue 6): agencies, services and counters as one CSV, to export, fill in a spreadsheet
// and import. An import matches agencies and services by code and counters by name, creates or
// updates them (it never deletes), and is all or nothing: a dry run, or any line with a problem, rolls
// the whole transaction back and reports what would have changed, line by line.
import { formatCsv, parseCsv, unguardCell } from '../../csv';
import { localDate } from '../../domain/local-day';
import type { Actor } from '../auth/actor';
import type { Sql, Tx } from '../db/client';
import {
	countTicketsToday,
	findServiceClash,
	insertCounterRow,
	insertServiceRow,
	insertTenantRow,
	listCounterRows,
	listServiceRows,
	listTenantRows,
	setCounterServices,
	updateCounterRow,
	updateServiceRow,
	updateTenantRow
} from '../db/catalogue-edits';
import { findMppSettings } from '../db/mpp-settings';
import { notFound } from '../errors';
import { safeRecord } from '../safe-keys';
import { requireMppAdmin } from './access';
import { audit, diff } from './audit';
import { counterSchema, LOCAL_ONLY, serviceSchema, tenantSchema } from './catalogue-schemas';
import { isFieldError, parseInput, type FieldProblem } from './input';
import { save } from './live';
import { checkStandard } from './services';

export const columns = [
	'kind',
	'code',
	'name',
	'tenant',
	'prefix',
	'target_wait_minutes',
	'daily_quota',
	'cutoff_minutes',
	'services',
	// the national standard service code, `local` for local only (issue 14); optional
	'standard'
] as const;
type Column = (typeof columns)[number];
/** `standardGiven`: the file has a standard column, so an empty cell clears the mapping. */
type Line = { line: number; cells: Record<Column, string>; standardGiven: boolean };

// no prototype: a line of kind `constructor` or `__proto__` is an unknown kind, not Object's (issue 10)
const kinds: Record<string, 'tenant' | 'service' | 'counter'> = Object.assign(Object.create(null), {
	tenant: 'tenant',
	instansi: 'tenant',
	service: 'service',
	layanan: 'service',
	counter: 'counter',
	loket: 'counter'
});

export interface ImportProblem extends FieldProblem {
	line: number;
	field: string;
}

export interface ImportReport {
	dryRun: boolean;
	applied: boolean;
	created: number;
	updated: number;
	unchanged: number;
	errors: ImportProblem[];
	/** not errors: e.g. a service no counter serves yet */
	warnings: FieldProblem[];
}

/** An example for each kind, so the template explains itself when opened in a spreadsheet. */
export function templateCsv(): string {
	return formatCsv([
		[...columns],
		['tenant', 'DUKCAPIL', 'Disdukcapil Kota Contoh', '', '', '', '', '', '', ''],
		['service', 'KTP_EL', 'KTP Elektronik', 'DUKCAPIL', 'A', 30, 250, 60, '', 'KTP_EL'],
		['service', 'KK', 'Kartu Keluarga', 'DUKCAPIL', 'AK', 30, '', 60, '', 'KK'],
		['counter', '', 'Loket 1', 'DUKCAPIL', '', '', '', '', 'KTP_EL KK', '']
	]);
}

export async function exportCsv(sql: Sql, actor: Actor, mppId: string): Promise<string> {
	requireMppAdmin(actor, mppId);
	const [tenants, services, counters] = await Promise.all([
		listTenantRows(sql, mppId),
		listServiceRows(sql, mppId),
		listCounterRows(sql, mppId)
	]);
	const tenantCode = new Map(tenants.map((t) => [t.id, t.code]));
	const serviceCode = new Map(services.map((s) => [s.id, s.code]));
	return formatCsv([
		[...columns],
		...tenants.filter((t) => t.active).map((t) => ['tenant', t.code, t.name, '', '', '', '', '', '', '']),
		...services
			.filter((s) => s.active)
			.map((s) => [
				'service',
				s.code,
				s.name,
				tenantCode.get(s.tenantId),
				s.prefix,
				s.targetWaitMinutes,
				s.dailyQuota,
				s.cutoffMinutes,
				'',
				s.localOnly ? LOCAL_ONLY : s.standardCode
			]),
		...counters
			.filter((c) => c.active)
			.map((c) => [
				'counter',
				'',
				c.name,
				c.tenantId ? tenantCode.get(c.tenantId) : '',
				'',
				'',
				'',
				'',
				c.serviceIds
					.map((id) => serviceCode.get(id))
					.filter(Boolean)
					.join(' '),
				''
			])
	]);
}

class Rollback extends Error {
	constructor(readonly report: ImportReport) {
		super('rollback');
	}
}

export async function importCsv(
	sql: Sql,
	actor: Actor,
	mppId: string,
	text: string,
	options: { dryRun: boolean }
): Promise<{ report: ImportReport; live: Awaited<ReturnType<typeof save>>['live'] | null }> {
	const user = requireMppAdmin(actor, mppId);
	const report: ImportReport = {
		dryRun: options.dryRun,
		applied: false,
		created: 0,
		updated: 0,
		unchanged: 0,
		errors: [],
		warnings: []
	};
	const lines = readLines(text, report);
	if (report.errors.length) return { report, live: null };
	try {
		const saved = await save(sql, async ({ tx, configured }) => {
			const mpp = await findMppSettings(tx, mppId);
			if (!mpp) throw notFound('MPP tidak ditemukan (unknown MPP).', 'mpp_not_found');
			const step = { tx, mppId, userId: user.id, report, today: localDate(new Date(), mpp.timezone) };
			for (const l of lines.filter((l) => kinds[l.cells.kind] === 'tenant')) await importTenant(step, l);
			for (const l of lines.filter((l) => kinds[l.cells.kind] === 'service')) await importService(step, l);
			for (const l of lines.filter((l) => kinds[l.cells.kind] === 'counter')) await importCounter(step, l);
			for (const s of await listServiceRows(tx, mppId)) {
				if (s.active && s.counterIds.length === 0)
					report.warnings.push({ key: 'admin.import.noCounter', params: { name: `${s.prefix} ${s.name}` } });
			}
			if (report.errors.length || options.dryRun) throw new Rollback(report);
			if (report.created || report.updated) configured(mppId);
			report.applied = true;
			return report;
		});
		return { report: saved.value, live: saved.live };
	} catch (error) {
		if (error instanceof Rollback) return { report: error.report, live: null };
		throw error;
	}
}

function readLines(text: string, report: ImportReport): Line[] {
	const rows = parseCsv(text).filter((r) => r.some((c) => c.trim() !== ''));
	const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
	const missing = (['kind', 'name'] as const).filter((c) => !header.includes(c));
	if (rows.length === 0 || missing.length) {
		report.errors.push({
			line: 1,
			field: missing[0] ?? 'kind',
			key: 'admin.import.header',
			params: { columns: columns.join(', ') }
		});
		return [];
	}
	if (rows.length > 2001) {
		report.errors.push({ line: 2002, field: 'kind', key: 'admin.import.tooLong', params: { max: 2000 } });
		return [];
	}
	return rows.slice(1).flatMap((row, i) => {
		const cells = safeRecord(
			columns.map((c) => [c, unguardCell((row[header.indexOf(c)] ?? '').trim())])
		) as Record<Column, string>;
		cells.kind = cells.kind.toLowerCase();
		const line = i + 2;
		if (!kinds[cells.kind]) {
			report.errors.push({ line, field: 'kind', key: 'admin.import.kind' });
			return [];
		}
		return [{ line, cells, standardGiven: header.includes('standard') }];
	});
}

interface Step {
	tx: Tx;
	mppId: string;
	userId: string;
	report: ImportReport;
	today: string;
}

/** Validates a line with the same schema the forms use; problems become line errors. */
function parseLine<T>(
	step: Step,
	line: number,
	parse: () => T,
	fieldNames: Record<string, string>
): T | null {
	try {
		return parse();
	} catch (error) {
		if (!isFieldError(error)) throw error;
		for (const [field, problem] of Object.entries(error.fields)) {
			step.report.errors.push({ line, field: fieldNames[field] ?? field, ...problem });
		}
		return null;
	}
}

function count(step: Step, changes: Record<string, unknown> | null) {
	if (changes === null) step.report.created++;
	else if (Object.keys(changes).length) step.report.updated++;
	else step.report.unchanged++;
}

async function importTenant(step: Step, { line, cells }: Line) {
	const data = parseLine(
		step,
		line,
		() => parseInput(tenantSchema, { code: cells.code, name: cells.name }),
		{}
	);
	if (!data) return;
	const existing = (await listTenantRows(step.tx, step.mppId)).find((t) => t.code === data.code);
	if (!existing) {
		const tenant = await insertTenantRow(step.tx, { mppId: step.mppId, ...data });
		await audit(step.tx, {
			mppId: step.mppId,
			userId: step.userId,
			entity: 'tenant',
			entityId: tenant.id,
			entityName: tenant.name,
			action: 'created',
			changes: diff(undefined, tenant, ['code', 'name'])
		});
		return count(step, null);
	}
	const changes = diff(existing, { ...existing, ...data, active: true }, ['name', 'active']);
	if (Object.keys(changes).length) {
		await updateTenantRow(step.tx, existing.id, { name: data.name, active: true });
		await audit(step.tx, {
			mppId: step.mppId,
			userId: step.userId,
			entity: 'tenant',
			entityId: existing.id,
			entityName: data.name,
			action: 'updated',
			changes
		});
	}
	count(step, changes);
}

const serviceFields = {
	tenantId: 'tenant',
	targetWaitMinutes: 'target_wait_minutes',
	dailyQuota: 'daily_quota',
	cutoffMinutes: 'cutoff_minutes'
};

async function importService(step: Step, { line, cells, standardGiven }: Line) {
	const tenant = (await listTenantRows(step.tx, step.mppId)).find(
		(t) => t.code === cells.tenant.toUpperCase() && t.active
	);
	if (!tenant) {
		step.report.errors.push({
			line,
			field: 'tenant',
			key: 'admin.import.unknownTenant',
			params: { code: cells.tenant || '–' }
		});
		return;
	}
	const services = await listServiceRows(step.tx, step.mppId);
	const existing = services.find((s) => s.code === cells.code.toUpperCase());
	// a file without the column keeps each service's mapping as it is
	const kept = existing?.localOnly ? LOCAL_ONLY : (existing?.standardCode ?? '');
	const data = parseLine(
		step,
		line,
		() =>
			parseInput(serviceSchema, {
				standard: standardGiven ? cells.standard : kept,
				tenantId: tenant.id,
				code: cells.code,
				prefix: cells.prefix,
				name: cells.name,
				targetWaitMinutes: cells.target_wait_minutes || '30',
				dailyQuota: cells.daily_quota,
				cutoffMinutes: cells.cutoff_minutes || '60',
				confirmNoCounter: 'on'
			}),
		serviceFields
	);
	if (!data) return;
	const standardProblem = await checkStandard(
		step.tx,
		data.standard.standardCode,
		existing?.standardCode
	).then(
		() => null,
		(error: unknown) => {
			if (isFieldError(error)) return error;
			throw error;
		}
	);
	if (standardProblem) {
		step.report.errors.push({
			line,
			field: 'standard',
			key: 'admin.import.unknownStandard',
			params: { code: cells.standard }
		});
		return;
	}
	const clash = await findServiceClash(step.tx, step.mppId, {
		id: existing?.id ?? null,
		prefix: data.prefix,
		code: data.code
	});
	if (clash?.prefix === data.prefix) {
		step.report.errors.push({
			line,
			field: 'prefix',
			key: 'admin.invalid.prefixTaken',
			params: { name: clash.name }
		});
		return;
	}
	const values = {
		tenant_id: data.tenantId,
		code: data.code,
		prefix: data.prefix,
		name: data.name,
		target_wait_minutes: data.targetWaitMinutes,
		daily_quota: data.dailyQuota,
		cutoff_minutes: data.cutoffMinutes,
		standard_code: data.standard.standardCode,
		local_only: data.standard.localOnly
	};
	if (!existing) {
		const id = await insertServiceRow(step.tx, step.mppId, values);
		await audit(step.tx, {
			mppId: step.mppId,
			userId: step.userId,
			entity: 'service',
			entityId: id,
			entityName: data.name,
			action: 'created',
			changes: diff(undefined, { ...data, ...data.standard, counterIds: undefined }, [
				'tenantId',
				'code',
				'prefix',
				'name',
				'targetWaitMinutes',
				'dailyQuota',
				'cutoffMinutes',
				'standardCode',
				'localOnly'
			])
		});
		return count(step, null);
	}
	const changes = diff(existing, { ...existing, ...data, ...data.standard, active: true }, [
		'tenantId',
		'prefix',
		'name',
		'targetWaitMinutes',
		'dailyQuota',
		'cutoffMinutes',
		'standardCode',
		'localOnly',
		'active'
	]);
	if (changes.prefix && (await countTicketsToday(step.tx, existing.id, step.today)) > 0) {
		step.report.errors.push({
			line,
			field: 'prefix',
			key: 'admin.invalid.prefixInUseToday',
			params: { prefix: existing.prefix }
		});
		return;
	}
	if (Object.keys(changes).length) {
		await updateServiceRow(step.tx, existing.id, { ...values, active: true });
		await audit(step.tx, {
			mppId: step.mppId,
			userId: step.userId,
			entity: 'service',
			entityId: existing.id,
			entityName: data.name,
			action: 'updated',
			changes
		});
	}
	count(step, changes);
}

async function importCounter(step: Step, { line, cells }: Line) {
	const tenants = await listTenantRows(step.tx, step.mppId);
	const tenant = cells.tenant ? tenants.find((t) => t.code === cells.tenant.toUpperCase() && t.active) : null;
	if (tenant === undefined) {
		step.report.errors.push({
			line,
			field: 'tenant',
			key: 'admin.import.unknownTenant',
			params: { code: cells.tenant }
		});
		return;
	}
	const services = (await listServiceRows(step.tx, step.mppId)).filter((s) => s.active);
	const codes = cells.services
		.split(/[\s;,|]+/)
		.filter(Boolean)
		.map((c) => c.toUpperCase());
	const unknown = codes.filter((c) => !services.some((s) => s.code === c));
	if (unknown.length) {
		step.report.errors.push({
			line,
			field: 'services',
			key: 'admin.import.unknownServices',
			params: { codes: unknown.join(', ') }
		});
		return;
	}
	const serviceIds = codes.map((c) => services.find((s) => s.code === c)!.id);
	const data = parseLine(
		step,
		line,
		() => parseInput(counterSchema, { name: cells.name, tenantId: tenant?.id ?? '', serviceIds }),
		{ serviceIds: 'services', tenantId: 'tenant' }
	);
	if (!data) return;
	const existing = (await listCounterRows(step.tx, step.mppId)).find(
		(c) => c.name.toLowerCase() === data.name.toLowerCase()
	);
	if (!existing) {
		const id = await insertCounterRow(step.tx, {
			mppId: step.mppId,
			tenantId: data.tenantId,
			name: data.name
		});
		await setCounterServices(step.tx, id, data.serviceIds);
		await audit(step.tx, {
			mppId: step.mppId,
			userId: step.userId,
			entity: 'counter',
			entityId: id,
			entityName: data.name,
			action: 'created',
			changes: diff(undefined, data, ['name', 'tenantId', 'serviceIds'])
		});
		return count(step, null);
	}
	const sorted = [...data.serviceIds].sort();
	const changes = diff(existing, { ...existing, tenantId: data.tenantId, serviceIds: sorted, active: true }, [
		'tenantId',
		'serviceIds',
		'active'
	]);
	if (Object.keys(changes).length) {
		await updateCounterRow(step.tx, existing.id, { tenant_id: data.tenantId, active: true });
		await setCounterServices(step.tx, existing.id, data.serviceIds);
		await audit(step.tx, {
			mppId: step.mppId,
			userId: step.userId,
			entity: 'counter',
			entityId: existing.id,
			entityName: existing.name,
			action: 'updated',
			changes
		});
	}
	count(step, changes);
}
