// Queue operations of one MPP that arrive together run in one transaction (issue 15).
//
// Every queue transaction of an MPP ends on the MPP's seq row (record.ts), so PostgreSQL runs their
// commits one after another, each with its own WAL flush, and with 50 counters pressing "next" the
// rest sleep on that row lock meanwhile: waking them and the flushes cost more CPU than the calls
// (BENCHMARKS.md "Profile for issue 15"). Instead, this process keeps one transaction per MPP in
// flight; what arrives meanwhile waits here and goes, up to MAX_BATCH at once, in the next one:
// each operation in its own SAVEPOINT (a refusal or an error undoes that operation only; the
// SAVEPOINT and RELEASE travel with the operation's statements, costing no round trip), its seq and
// bus message in call order as the last statements, then one COMMIT and one WAL flush for all.
//
// Nothing is lost or doubled: an operation's effects, its idempotency answer and its event commit
// together or not at all, as before; if the COMMIT fails, every operation of the batch fails and
// says so. Counters are locked in a batch in the order they arrived; two processes batching the same
// two counters in opposite order could deadlock, which PostgreSQL breaks by failing one batch (its
// callers see 503 and retry with their Idempotency-Key).
import type { Sql, Tx } from '../db/client';
import {
	claimIdempotencyKey,
	purgeExpiredKeysSometimes,
	saveIdempotencyResult,
	type IdempotencyClaim
} from '../idempotency';
import { sendOutcome } from '../bus/send';
import type { Outcome } from './outcome';
import type { OutcomeDraft } from './record';

/** Below PostgreSQL's 64 cached subtransactions per backend, past which every snapshot slows down. */
const MAX_BATCH = 32;

type Work<T> = (tx: Tx) => Promise<{ value: T; draft: OutcomeDraft | null }>;

interface Job {
	idempotency: IdempotencyClaim | null;
	work: Work<unknown>;
	resolve(result: { value: unknown; outcome: Outcome | null }): void;
	reject(error: unknown): void;
}

interface Line {
	running: boolean;
	jobs: Job[];
}

const lines = new WeakMap<Sql, Map<string, Line>>();

/**
 * Runs `work` as one queue operation of `mppId` (like queueTransaction), in a transaction shared with
 * the MPP's other operations that arrive while the previous one runs.
 */
export function inMppBatch<T>(
	sql: Sql,
	mppId: string,
	idempotency: IdempotencyClaim | null | undefined,
	work: Work<T>
): Promise<{ value: T; outcome: Outcome | null }> {
	let byMpp = lines.get(sql);
	if (!byMpp) lines.set(sql, (byMpp = new Map()));
	let line = byMpp.get(mppId);
	if (!line) byMpp.set(mppId, (line = { running: false, jobs: [] }));
	const promise = new Promise<{ value: T; outcome: Outcome | null }>((resolve, reject) => {
		line.jobs.push({ idempotency: idempotency ?? null, work, resolve: resolve as Job['resolve'], reject });
	});
	if (!line.running) void drain(sql, mppId, byMpp, line);
	return promise;
}

async function drain(sql: Sql, mppId: string, byMpp: Map<string, Line>, line: Line): Promise<void> {
	line.running = true;
	try {
		while (line.jobs.length > 0) {
			const jobs = line.jobs.splice(0, MAX_BATCH);
			// runBatch settles every job itself; this only keeps a surprise from stalling the MPP's line
			await runBatch(sql, jobs).catch((error) => jobs.forEach((job) => job.reject(error)));
		}
	} finally {
		line.running = false;
		byMpp.delete(mppId);
	}
}

type Settled =
	| { ok: true; value: unknown; draft: OutcomeDraft | null; seq?: Promise<number> }
	| { ok: false; error: unknown };

async function runBatch(sql: Sql, jobs: Job[]): Promise<void> {
	const settled: Settled[] = [];
	// statements sent without waiting for their answer (a round trip each saved); any failure among
	// them aborts the transaction, and then the whole batch failed
	const pipelined: Promise<unknown>[] = [];
	const send = (query: Promise<unknown>) => {
		query.catch(() => {});
		pipelined.push(query);
	};
	try {
		await sql.begin(async (tx) => {
			// generic plans: the hot statements are planned once per connection, not on every call
			send(tx`SET LOCAL plan_cache_mode = force_generic_plan`);
			for (const job of jobs) {
				send(tx`SAVEPOINT queue_operation`);
				try {
					if (job.idempotency) await claimIdempotencyKey(tx, job.idempotency);
					const done = await job.work(tx);
					if (job.idempotency) send(saveIdempotencyResult(tx, job.idempotency, done.value));
					send(tx`RELEASE SAVEPOINT queue_operation`);
					settled.push({ ok: true, ...done });
				} catch (error) {
					// a refusal or a failed statement: undo this operation only
					await tx`ROLLBACK TO SAVEPOINT queue_operation`;
					send(tx`RELEASE SAVEPOINT queue_operation`);
					settled.push({ ok: false, error });
				}
			}
			// the seqs and bus messages in call order, sent with the COMMIT (see queueTransaction)
			for (const s of settled) {
				if (!s.ok || !s.draft) continue;
				s.seq = sendOutcome(tx, s.draft);
				send(s.seq);
			}
		});
		const failed = (await Promise.allSettled(pipelined)).find((r) => r.status === 'rejected');
		if (failed) throw (failed as PromiseRejectedResult).reason;
	} catch (error) {
		// BEGIN, COMMIT or a statement sent ahead failed: nothing of this batch happened
		jobs.forEach((job, i) => {
			const s = settled[i];
			job.reject(s && !s.ok ? s.error : error);
		});
		return;
	}
	if (jobs.some((job) => job.idempotency)) purgeExpiredKeysSometimes(sql);
	await Promise.all(
		jobs.map(async (job, i) => {
			const s = settled[i];
			if (!s.ok) return job.reject(s.error);
			const outcome = s.draft && s.seq ? { ...s.draft, seq: await s.seq } : null;
			job.resolve({ value: s.value, outcome });
		})
	);
}

/** The MPP of a counter, learnt from its calls: a counter never moves to another MPP. */
const counterMpp = new Map<string, string>();

export const mppOfCounter = (counterId: string) => counterMpp.get(counterId);
export const rememberCounterMpp = (counterId: string, mppId: string) => counterMpp.set(counterId, mppId);
