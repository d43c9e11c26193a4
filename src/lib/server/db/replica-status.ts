// Where a statistics read pool stands: the primary itself, or a streaming replica and how far its
// replay has come (issue 11). One query; the rules that turn it into "data as of" live in
// $lib/server/stats/freshness. SQL for PostgreSQL 15 and 18 alike.
import type { Db } from './client';

export interface ReplicaStatus {
	/** false on a primary (or a promoted replica): its data is live */
	inRecovery: boolean;
	/** the server's clock at this query */
	now: Date;
	/** commit time of the last transaction replayed, null before the first since start-up */
	lastReplayedCommitAt: Date | null;
	/** replayed every WAL record received, replay not paused, and a WAL receiver streaming */
	caughtUp: boolean;
}

export async function readReplicaStatus(db: Db): Promise<ReplicaStatus> {
	// pg_is_wal_replay_paused() raises on a primary, hence the CASE. pg_stat_wal_receiver shows an
	// unprivileged user the receiver's pid (only the details are hidden), which is all we ask of it.
	const [row] = await db<ReplicaStatus[]>`
		SELECT pg_is_in_recovery() AS "inRecovery", now() AS now,
			pg_last_xact_replay_timestamp() AS "lastReplayedCommitAt",
			CASE WHEN pg_is_in_recovery() THEN
				NOT pg_is_wal_replay_paused()
				AND coalesce(pg_last_wal_replay_lsn() >= pg_last_wal_receive_lsn(), false)
				AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver)
			ELSE true END AS "caughtUp"`;
	return row;
}
