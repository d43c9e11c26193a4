// How fresh statistics are (issue 11): "live" when they are read from the primary, otherwise the time
// up to which the replica has applied every change.
//
// pg_last_xact_replay_timestamp() alone would be wrong: it is the commit time of the last transaction
// replayed, and on an idle primary nothing commits, so it stops while the replica is fully up to date.
// So a replica that has replayed everything it received, is not paused and has a WAL receiver
// streaming is current: its data is as of its now() (less the WAL still on the wire, milliseconds).
// Only a replica behind (paused, replaying a backlog, or cut off from its primary) is dated by its
// last replayed commit, which is then exact: everything committed up to it is in; caught between
// receiving and replaying a record, a current replica is dated that way too, older but true. We do not compare with the primary's pg_current_wal_lsn():
// that would ask the primary on every statistics read, and the WAL an idle primary still writes
// (running-xacts records every 15 s) would date a current replica by a commit of hours ago.
import { error } from '@sveltejs/kit';
import { t, type Locale } from '../../i18n';
import { readsReplica, type Sql } from '../db/client';
import { readReplicaStatus, type ReplicaStatus } from '../db/replica-status';
import { isAppError, ServiceUnavailable } from '../errors';

export interface Freshness {
	/** read from the primary: every change is in */
	live: boolean;
	/** ISO time up to which every change is in; null for a replica that cannot tell yet */
	asOf: string | null;
}

/** PostgreSQL's and postgres.js's ways of saying the server cannot be reached or is not ready. */
const unreachable = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'CONNECT_TIMEOUT',
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'57P01', // admin_shutdown
	'57P03' // cannot_connect_now (starting up, shutting down)
]);

/**
 * Asked first by every statistics door. A replica that does not answer is a 503 the client may retry,
 * not a fall back to the primary: the replica exists to keep minute-long statistics off the database
 * that serves call-next, and an outage of the replica is the worst time to move them there.
 */
export async function statsFreshness(sql: Sql, now = new Date()): Promise<Freshness> {
	if (!readsReplica(sql)) return { live: true, asOf: now.toISOString() };
	let status;
	try {
		status = await readReplicaStatus(sql);
	} catch (error) {
		const code = (error as { code?: unknown } | null)?.code;
		if (typeof code === 'string' && unreachable.has(code)) throw replicaUnavailable();
		throw error;
	}
	return freshnessOf(status);
}

/** The rule of this module's header, on what the replica said of itself. */
export function freshnessOf(status: ReplicaStatus): Freshness {
	if (!status.inRecovery) return { live: true, asOf: status.now.toISOString() };
	const asOf = status.caughtUp ? status.now : status.lastReplayedCommitAt;
	return { live: false, asOf: asOf?.toISOString() ?? null };
}

function replicaUnavailable() {
	return new ServiceUnavailable(
		30,
		'replica_unavailable',
		'Salinan data statistik sedang tidak dapat dihubungi, coba lagi sebentar lagi (statistics replica unavailable).'
	);
}

/** statsFreshness for a page load: a replica that does not answer is the page's 503, in its language. */
export async function pageFreshness(sql: Sql, locale: Locale, now = new Date()): Promise<Freshness> {
	try {
		return await statsFreshness(sql, now);
	} catch (e) {
		if (isAppError(e) && e.status === 503)
			error(503, { code: e.code, message: t(locale, 'freshness.unavailable') });
		throw e;
	}
}

/** The freshness of a JSON or CSV answer as a header, so a CSV's rows stay exactly the data. */
export function freshnessHeaders(freshness: Freshness): Record<string, string> {
	return freshness.asOf ? { 'x-data-as-of': freshness.asOf } : {};
}
