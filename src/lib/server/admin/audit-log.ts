// The searchable audit view of one MPP (issue 6): configuration changes and ticket actions, newest
// first, between two MPP-local dates.
import { z } from 'zod';
import { localDate } from '../../domain/local-day';
import { addDays, zonedInstant } from '../../domain/zoned-time';
import type { Actor } from '../auth/actor';
import type { Sql } from '../db/client';
import { searchAudit, type AuditRow } from '../db/config-audit';
import { findMppSettings } from '../db/mpp-settings';
import { notFound } from '../errors';
import { requireMppAdmin } from './access';

export const AUDIT_LIMIT = 200;

const date = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)));

const querySchema = z.object({
	q: z.string().trim().max(100).optional().catch(undefined),
	source: z.enum(['config', 'ticket']).optional().catch(undefined),
	from: date.optional().catch(undefined),
	to: date.optional().catch(undefined)
});

export interface AuditSearch {
	q: string;
	source: 'config' | 'ticket' | null;
	/** MPP-local dates, inclusive */
	from: string;
	to: string;
}

export interface AuditPage {
	search: AuditSearch;
	rows: AuditRow[];
	/** more rows matched than shown */
	limited: boolean;
}

/** Reads a query string leniently: anything unusable falls back to the last 7 local days. */
export async function readAuditLog(
	sql: Sql,
	actor: Actor,
	mppId: string,
	params: Record<string, string>
): Promise<AuditPage> {
	requireMppAdmin(actor, mppId);
	const mpp = await findMppSettings(sql, mppId);
	if (!mpp) throw notFound('MPP tidak ditemukan (unknown MPP).', 'mpp_not_found');
	const query = querySchema.parse(params);
	const today = localDate(new Date(), mpp.timezone);
	let from = query.from ?? addDays(today, -6);
	let to = query.to ?? today;
	if (from > to) [from, to] = [to, from];
	const rows = await searchAudit(sql, {
		mppId,
		text: query.q || null,
		source: query.source ?? null,
		from: new Date(zonedInstant(from, 0, mpp.timezone)),
		to: new Date(zonedInstant(addDays(to, 1), 0, mpp.timezone)),
		limit: AUDIT_LIMIT + 1
	});
	return {
		search: { q: query.q ?? '', source: query.source ?? null, from, to },
		rows: rows.slice(0, AUDIT_LIMIT),
		limited: rows.length > AUDIT_LIMIT
	};
}
