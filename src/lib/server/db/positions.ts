// Every waiting ticket of one service with what its place and estimate are made of, in one query: the
// phones of a service are told their new place after each queue movement (realtime/positions.ts), so
// this runs once per movement for the whole service, never once per phone.
import type { Db } from './client';

export interface WaitingPlace {
	mppId: string;
	trackCode: string;
	/** tickets that will be called first (queue/estimate.ts: priority tickets count only priority ahead) */
	ahead: number;
	/** mean of the service's last 20 finished tickets of the ticket's local day, null when none yet */
	meanServiceSeconds: number | null;
	expectedServiceMinutes: number;
	openCounters: number;
	/** the MPP's event sequence as this read saw it: the places are the state after it */
	seq: number;
}

/**
 * The same rules as `estimateFor` (countWaitingAhead, recentMeanServiceSeconds,
 * countOpenCountersServing), over all waiting tickets of the service at once; one statement, so the
 * places and `seq` come from one snapshot. What is the same for every ticket (the recent mean, the
 * open counters, the seq) is computed once, not once per ticket: per ticket it cost 25 ms for 700
 * waiting tickets (BENCHMARKS.md, fan-out 2026-12-06).
 */
export async function listWaitingPlaces(db: Db, serviceId: string): Promise<WaitingPlace[]> {
	return db<WaitingPlace[]>`
		WITH service AS MATERIALIZED (
			-- the MPP's current local day only: an ended day's ticket has no place (issue 10 item 5)
			SELECT s.id, s.mpp_id, s.expected_service_minutes, mpp_local_date(s.mpp_id, now()) AS today
			FROM services s WHERE s.id = ${serviceId}
		),
		facts AS MATERIALIZED (
			SELECT (
				SELECT avg(recent.seconds)::float8 FROM (
					SELECT extract(epoch FROM f.finished_at - coalesce(f.started_at, f.called_at)) AS seconds
					FROM tickets f
					WHERE f.mpp_id = v.mpp_id AND f.local_date = v.today AND f.service_id = v.id
						AND f.status = 'done' AND f.finished_at IS NOT NULL
						AND coalesce(f.started_at, f.called_at) IS NOT NULL
					ORDER BY f.finished_at DESC LIMIT 20
				) recent
			) AS mean,
			(SELECT count(*)::int FROM counter_services cs JOIN counters c ON c.id = cs.counter_id
				WHERE cs.service_id = v.id AND c.status = 'open' AND c.active) AS open_counters,
			(SELECT q.seq::int FROM mpp_event_seq q WHERE q.mpp_id = v.mpp_id) AS seq
			FROM service v
		)
		SELECT v.mpp_id AS "mppId", w.track_code AS "trackCode", w.ahead::int AS ahead,
			f.mean AS "meanServiceSeconds", v.expected_service_minutes AS "expectedServiceMinutes",
			f.open_counters AS "openCounters", f.seq
		FROM service v CROSS JOIN facts f CROSS JOIN LATERAL (
			SELECT t.track_code,
				CASE WHEN t.priority_group IS NULL THEN count(*) OVER ahead
					ELSE count(*) FILTER (WHERE t.priority_group IS NOT NULL) OVER ahead END AS ahead
			FROM tickets t
			WHERE t.service_id = v.id AND t.status = 'waiting' AND t.local_date = v.today
			WINDOW ahead AS (ORDER BY t.queued_at, t.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
		) w`;
}

/** The MPP's event sequence now (0 before its first event). */
export async function currentSeq(db: Db, mppId: string): Promise<number> {
	const [row] = await db<
		{ seq: number }[]
	>`SELECT seq::int AS seq FROM mpp_event_seq WHERE mpp_id = ${mppId}`;
	return row?.seq ?? 0;
}
