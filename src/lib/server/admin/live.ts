// How a configuration save reaches the TVs and consoles without a reload (issue 6): the save runs in
// one transaction, collects what the rooms must hear, and sends it on the bus at its end, taking the
// MPP's event seqs last (as the queue engine does, so no lock is held behind a ticket lock). Every
// node hears it when the save commits, and nobody hears of a save that rolled back (issue 11).
import postgres from 'postgres';
import { send, sendDisconnect, sendOutcome } from '../bus/send';
import type { Sql, Tx } from '../db/client';
import { fieldError } from './input';
import type { Outcome } from '../queue/outcome';
import type { OutcomeDraft } from '../queue/record';

/** What a save sent on the bus with its commit (tests read it; nothing needs to publish it). */
export interface LiveChanges {
	outcomes: Outcome[];
	/** a new running text for the MPP's TVs and consoles */
	runningText?: { mppId: string; text: string };
	/** devices whose sockets end now (revoked) */
	disconnectDevices?: string[];
	/** sessions whose sockets end now (a deactivated person, a reset password) */
	disconnectSessions?: string[];
}

export interface Saved<T> {
	value: T;
	live: LiveChanges;
}

export interface SaveContext {
	tx: Tx;
	/** queue an Outcome for the rooms; its seq is taken at the end of the transaction */
	emit(draft: OutcomeDraft): void;
	/** every client of the MPP refetches its snapshot */
	configured(mppId: string): void;
	runningText(mppId: string, text: string): void;
	disconnectDevice(deviceId: string): void;
	disconnectSessions(sessionIds: string[]): void;
}

// A unique index caught a clash the checks before the write did not see (two admins saving at once):
// the same field message the check would have given, never a 500.
const uniqueFields: Record<string, [string, string]> = {
	mpps_slug_key: ['slug', 'admin.invalid.slugTaken'],
	tenants_mpp_id_code_key: ['code', 'admin.invalid.codeTaken'],
	services_mpp_id_code_key: ['code', 'admin.invalid.codeTaken'],
	services_mpp_id_prefix_key: ['prefix', 'admin.invalid.prefixTaken'],
	counters_mpp_id_name_key: ['name', 'admin.invalid.nameTaken'],
	users_email_key: ['email', 'admin.invalid.emailTaken']
};

export async function save<T>(sql: Sql, work: (ctx: SaveContext) => Promise<T>): Promise<Saved<T>> {
	try {
		return await saveOnce(sql, work);
	} catch (error) {
		const clash =
			error instanceof postgres.PostgresError &&
			error.code === '23505' &&
			uniqueFields[error.constraint_name ?? ''];
		if (clash) throw fieldError(clash[0], clash[1], { name: '' });
		throw error;
	}
}

async function saveOnce<T>(sql: Sql, work: (ctx: SaveContext) => Promise<T>): Promise<Saved<T>> {
	let runningText: LiveChanges['runningText'];
	const disconnectDevices: string[] = [];
	const disconnectSessions: string[] = [];
	const result = await sql.begin(async (tx) => {
		const drafts: OutcomeDraft[] = [];
		const configured = new Set<string>();
		const value = await work({
			tx,
			emit: (draft) => drafts.push(draft),
			configured: (mppId) => configured.add(mppId),
			runningText: (mppId, text) => (runningText = { mppId, text }),
			disconnectDevice: (deviceId) => disconnectDevices.push(deviceId),
			disconnectSessions: (ids) => disconnectSessions.push(...ids)
		});
		const now = new Date().toISOString();
		const all: OutcomeDraft[] = [
			...drafts,
			...[...configured].map((mppId) => ({
				mppId,
				at: now,
				change: { type: 'mpp:configured' as const },
				waiting: {}
			}))
		];
		const outcomes: Outcome[] = [];
		for (const draft of all) outcomes.push({ ...draft, seq: await sendOutcome(tx, draft) });
		if (runningText) await send(tx, { kind: 'running-text', ...runningText });
		await sendDisconnect(tx, { sessions: disconnectSessions, devices: disconnectDevices });
		return { value, outcomes };
	});
	return {
		value: result.value as T,
		live: { outcomes: result.outcomes as Outcome[], runningText, disconnectDevices, disconnectSessions }
	};
}
