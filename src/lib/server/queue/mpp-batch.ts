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
// says so.
//
// Several nodes batch the same MPP's calls. A batch takes counters and, through the trigger that keeps
// the waiting counts (migration 0031), the count rows of the services it calls, in the order its
// calls arrive; two nodes' batches taking them in opposite orders deadlocked, and PostgreSQL failed one
// after a second with every call in it (tests/integration/queue-call-two-nodes.test.ts). So a batch
// first takes its MPP's queue lock (db/queue-lock.ts): batches of one MPP run one after another across
// the cluster, as their commits did anyway on the MPP's seq row. Different MPPs never wait for each other.
import type { Sql, Tx } from '../db/client';
import { findCounterMppId } from '../db/counters';
import { lockMppQueue } from '../db/queue-lock';
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
			await runBatch(sql, mppId, jobs).catch((error) => jobs.forEach((job) => job.reject(error)));
		}
	} finally {
		line.running = false;
		byMpp.delete(mppId);
	}
}

type Settled =
	| { ok: true; value: unknown; draft: OutcomeDraft | null; seq?: Promise<number> }
	| { ok: false; error: unknown };

async function runBatch(sql: Sql, mppId: string, jobs: Job[]): Promise<void> {
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
			// before any row lock of the batch (see the top of this file)
			send(lockMppQueue(tx, mppId));
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

const counterMpp = new Map<string, string>();

/** The MPP of a counter, read once per process: a counter never moves to another MPP. */
export async function mppOfCounter(sql: Sql, counterId: string): Promise<string | undefined> {
	let mppId = counterMpp.get(counterId);
	if (!mppId) {
		mppId = await findCounterMppId(sql, counterId);
		if (mppId) counterMpp.set(counterId, mppId);
	}
	return mppId;
}
