// The configuration an edge copies (issue 13), read at the centre and written at the edge. The tables
// and columns are CONFIG_TABLES' (fixed names, never input); the values travel as PostgreSQL's own
// JSON of the rows, so timestamps keep their microseconds and jsonb stays jsonb.
import { CONFIG_TABLES, type ConfigSnapshot, type ConfigTable } from '../edge/config-tables';
import type { Db, Tx } from './client';

/** Rows of `table` that belong to the MPP (the catalogue of standard services is national). */
function scope(db: Db, table: string, mppId: string) {
	switch (table) {
		case 'standard_services':
		case 'booking_signing_keys':
			return db`true`;
		case 'mpps':
			return db`id = ${mppId}`;
		case 'ticket_daily_counters':
			return db`service_id IN (SELECT id FROM services WHERE mpp_id = ${mppId})
				AND local_date >= (SELECT (now() AT TIME ZONE timezone)::date - 1 FROM mpps WHERE id = ${mppId})`;
		case 'counter_services':
		case 'counter_operators':
			return db`counter_id IN (SELECT id FROM counters WHERE mpp_id = ${mppId})`;
		default:
			return db`mpp_id = ${mppId}`;
	}
}

const ident = (name: string) => `"${name}"`;
const list = (names: string[]) => names.map(ident).join(', ');

/** The MPP's configuration at the centre, every table in CONFIG_TABLES order, rows in key order. */
export async function readConfigSnapshot(db: Db, mppId: string): Promise<ConfigSnapshot> {
	const snapshot: ConfigSnapshot = {};
	for (const t of CONFIG_TABLES) {
		const [row] = await db<{ rows: Record<string, unknown>[] }[]>`
			SELECT coalesce(jsonb_agg(jsonb_build_object(${db.unsafe(pairs(t.columns))}) ORDER BY
				${db.unsafe(list(t.key))}), '[]') AS rows
			FROM ${db(t.table)} WHERE ${scope(db, t.table, mppId)}`;
		snapshot[t.table] = row.rows;
	}
	return snapshot;
}

function pairs(columns: string[]): string {
	return columns.map((c) => `'${c}', ${ident(c)}`).join(', ');
}

/**
 * Writes a configuration at the edge: upserts every row, then switches off or deletes what the centre no
 * longer lists (for this MPP only). Runs in the caller's transaction, so the hall sees all of it or
 * none. Rows are read with jsonb_populate_recordset into the table's own types.
 */
export async function applyConfigSnapshot(tx: Tx, mppId: string, snapshot: ConfigSnapshot): Promise<void> {
	for (const t of CONFIG_TABLES) await upsert(tx, t, snapshot[t.table] ?? []);
	// in reverse, so link rows go before the rows they point at
	for (const t of [...CONFIG_TABLES].reverse()) await retire(tx, t, mppId, snapshot[t.table] ?? []);
}

async function upsert(tx: Tx, t: ConfigTable, rows: Record<string, unknown>[]): Promise<void> {
	if (!rows.length) return;
	const updates = t.columns.filter((c) => !t.key.includes(c));
	const value = (c: string) =>
		t.greatest?.includes(c)
			? `greatest(${t.table}.${ident(c)}, EXCLUDED.${ident(c)})`
			: `EXCLUDED.${ident(c)}`;
	const onConflict = updates.length
		? `DO UPDATE SET (${list(updates)}) = ROW(${updates.map(value).join(', ')})`
		: 'DO NOTHING';
	await tx`
		INSERT INTO ${tx(t.table)} (${tx.unsafe(list(t.columns))})
		SELECT ${tx.unsafe(list(t.columns))} FROM jsonb_populate_recordset(NULL::${tx(t.table)}, ${tx.json(rows as never)}::jsonb)
		ON CONFLICT (${tx.unsafe(list(t.key))}) ${tx.unsafe(onConflict)}`;
}

async function retire(tx: Tx, t: ConfigTable, mppId: string, rows: Record<string, unknown>[]): Promise<void> {
	if (t.gone === 'keep') return;
	const keys = `(${list(t.key)})`;
	const kept = tx`
		SELECT ${tx.unsafe(list(t.key))} FROM jsonb_populate_recordset(NULL::${tx(t.table)}, ${tx.json(rows as never)}::jsonb)`;
	if (t.gone === 'delete')
		await tx`DELETE FROM ${tx(t.table)} WHERE ${scope(tx, t.table, mppId)} AND ${tx.unsafe(keys)} NOT IN (${kept})`;
	else
		await tx`
			UPDATE ${tx(t.table)} SET ${tx.unsafe(t.gone.set)}
			WHERE ${scope(tx, t.table, mppId)} AND ${tx.unsafe(keys)} NOT IN (${kept})`;
}

export interface EdgeConfigState {
	mppId: string;
	version: string;
	appliedAt: Date;
}

export async function readEdgeConfigState(db: Db): Promise<EdgeConfigState | undefined> {
	const [row] = await db<EdgeConfigState[]>`
		SELECT mpp_id AS "mppId", version, applied_at AS "appliedAt" FROM edge_config_state`;
	return row;
}

export async function writeEdgeConfigState(db: Db, mppId: string, version: string): Promise<void> {
	await db`
		INSERT INTO edge_config_state (mpp_id, version) VALUES (${mppId}, ${version})
		ON CONFLICT (only_row) DO UPDATE SET mpp_id = EXCLUDED.mpp_id, version = EXCLUDED.version,
			applied_at = now()`;
}
