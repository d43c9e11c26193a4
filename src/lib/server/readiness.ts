// What /readyz answers: may a load balancer send this node new work? Kept apart from /healthz
// (alive), so a database outage takes nodes out of rotation without anyone restarting them.
// The draining flag lives on globalThis like bus/state.ts: server/drain.ts (under tsx) sets it and
// the SvelteKit bundle reads it, and they load separate copies of this module.
import type { Sql } from './db/client';
import { isBusListening } from './bus/state';

const slot = Symbol.for('antrean.draining');
type Slots = typeof globalThis & { [slot]?: boolean };

export function isDraining(): boolean {
	return (globalThis as Slots)[slot] === true;
}

export function setDraining(draining: boolean): void {
	(globalThis as Slots)[slot] = draining;
}

export type NotReadyReason = 'database_unavailable' | 'bus_not_listening' | 'draining';

/** Short, so a health check with `inter 1s` gets its answer before it asks again. */
export const DATABASE_CHECK_MS = 1500;

/** Every reason this node should get no new work now; empty when it is ready. */
export async function notReadyReasons(sql: Sql, timeoutMs = DATABASE_CHECK_MS): Promise<NotReadyReason[]> {
	const reasons: NotReadyReason[] = [];
	if (isDraining()) reasons.push('draining');
	if (!(await databaseAnswers(sql, timeoutMs))) reasons.push('database_unavailable');
	if (!isBusListening()) reasons.push('bus_not_listening');
	return reasons;
}

async function databaseAnswers(sql: Sql, timeoutMs: number): Promise<boolean> {
	const query = sql`SELECT 1`;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<false>((resolve) => {
		timer = setTimeout(() => {
			// a query still waiting for a connection (pool exhausted, database unreachable) is dropped
			void query.cancel();
			resolve(false);
		}, timeoutMs);
	});
	try {
		return await Promise.race([query.then(() => true as const), late]);
	} catch {
		return false;
	} finally {
		clearTimeout(timer);
	}
}
