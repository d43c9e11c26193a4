// Queue operations of one MPP that arrive together run in one transaction (issue 15).
//
// Every queue transaction of an MPP ends on the MPP's seq row (record.ts), so PostgreSQL runs their
// commits one after another, each with its own WAL flush, and with 50 counters pressing "next" the
// rest sleep on that row lock meanwhile: waking them and the flushes cost more CPU than the calls
// (BENCHMARKS.md "Profile for issue 15"). Instead, this process keeps one transaction per MPP in
// flight; what arrives meanwhile waits here and goes, up to MAX_BATCH at once, in the next one.
//
// The operations of a batch run at once: their statements interleave on the one connection, so
// PostgreSQL works on one operation's statement while Node decides another's next step, and a batch
// costs a few round trips however many calls it holds (an operation run after another left the
// backend idle for every Node turn: BENCHMARKS.md, third session). There are no savepoints, so an
// operation must decide every refusal (no such counter, not open, not allowed, a replayed
// Idempotency-Key) before its first write, which it marks by awaiting `beginWrites()` (that also
// takes its key). A refused operation then leaves nothing behind and the others go on; a refusal
// after that point, or a database error, fails the whole batch, and every caller hears it and may
// retry with its key. Then its seqs and bus messages in arrival order, one COMMIT and one WAL flush.
// Two requests with one Idempotency-Key never share a batch: the second waits for the next one and
// is answered from the key.
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
import { isAppError } from '../errors';
import {
	claimIdempotencyKey,
	IdempotentReplay,
	purgeExpiredKeysSometimes,
	saveIdempotencyResult,
	type IdempotencyClaim
} from '../idempotency';
import { sendOutcomes } from '../bus/send';
import type { Outcome } from './outcome';
import type { OutcomeDraft } from './record';

/** A morning's 50 counters pressing at once fit in one batch. */
const MAX_BATCH = 64;

/**
 * One operation: decides its refusals, awaits `beginWrites()`, then writes (see the top of this file).
 */
type Work<T> = (
	tx: Tx,
	beginWrites: () => Promise<void>
) => Promise<{ value: T; draft: OutcomeDraft | null }>;

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
			// let what is already on its way join: requests read in this turn of the event loop, and
			// callers that the last batch answered pressing again
			await new Promise((resolve) => setImmediate(resolve));
			const jobs = takeBatch(line);
			// runBatch settles every job itself; this only keeps a surprise from stalling the MPP's line
			await runBatch(sql, mppId, jobs).catch((error) => jobs.forEach((job) => job.reject(error)));
		}
	} finally {
		line.running = false;
		byMpp.delete(mppId);
	}
}

/** The next batch: in arrival order, at most MAX_BATCH, one request per Idempotency-Key. */
function takeBatch(line: Line): Job[] {
	const batch: Job[] = [];
	const later: Job[] = [];
	const keys = new Set<string>();
	for (const job of line.jobs) {
		const key = job.idempotency && `${job.idempotency.caller} ${job.idempotency.key}`;
		if (batch.length >= MAX_BATCH || (key && keys.has(key))) later.push(job);
		else {
			batch.push(job);
			if (key) keys.add(key);
		}
	}
	line.jobs = later;
	return batch;
}

type Settled =
	{ ok: true; value: unknown; draft: OutcomeDraft | null } | { ok: false; error: unknown; wrote: boolean };

/** Runs one operation of a batch; its refusal or error is kept, not thrown (the others go on). */
async function runJob(tx: Tx, job: Job): Promise<Settled> {
	let wrote = false;
	const beginWrites = async () => {
		if (job.idempotency) await claimIdempotencyKey(tx, job.idempotency);
		wrote = true;
	};
	try {
		return { ok: true, ...(await job.work(tx, beginWrites)) };
	} catch (error) {
		return { ok: false, error, wrote };
	}
}

async function runBatch(sql: Sql, mppId: string, jobs: Job[]): Promise<void> {
	let settled: Settled[] = [];
	let seqs: Promise<number[]> = Promise.resolve([]);
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
			settled = await Promise.all(jobs.map((job) => runJob(tx, job)));
			// a database error aborted the transaction for every operation, and a refusal after a write
			// cannot be undone alone: the whole batch fails
			const broken = settled.filter((s) => !s.ok && (s.wrote || !isRefusal(s.error)));
			// the statement that failed, rather than the ones refused after it ("transaction is aborted")
			const cause = broken.find((s) => !s.ok && (s.error as { code?: string }).code !== '25P02') ?? broken[0];
			if (cause && !cause.ok) throw cause.error;
			jobs.forEach((job, i) => {
				const s = settled[i];
				if (s.ok && job.idempotency) send(saveIdempotencyResult(tx, job.idempotency, s.value));
			});
			// the seqs and bus messages in arrival order, one statement sent with the COMMIT (see
			// queueTransaction)
			const drafts = settled.flatMap((s) => (s.ok && s.draft ? [s.draft] : []));
			if (drafts.length > 0) send((seqs = sendOutcomes(tx, mppId, drafts)));
		});
		const failed = (await Promise.allSettled(pipelined)).find((r) => r.status === 'rejected');
		if (failed) throw (failed as PromiseRejectedResult).reason;
	} catch (error) {
		// BEGIN, COMMIT or a statement failed: nothing of this batch happened; a refused operation
		// hears its own refusal, every other one the failure
		jobs.forEach((job, i) => {
			const s = settled[i];
			job.reject(s && !s.ok && !s.wrote && isRefusal(s.error) ? s.error : error);
		});
		return;
	}
	if (jobs.some((job) => job.idempotency)) purgeExpiredKeysSometimes(sql);
	// the seqs of the operations with an outcome, in the order they were sent
	const numbers = await seqs;
	let next = 0;
	jobs.forEach((job, i) => {
		const s = settled[i];
		if (!s.ok) return job.reject(s.error);
		job.resolve({ value: s.value, outcome: s.draft ? { ...s.draft, seq: numbers[next++] } : null });
	});
}

/** A refusal in words (AppError) or an answer from the key: the operation ran into no database error. */
const isRefusal = (error: unknown) => isAppError(error) || error instanceof IdempotentReplay;

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
