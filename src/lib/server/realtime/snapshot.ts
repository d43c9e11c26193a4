// Snapshots a (re)connecting client starts from. Read from the database, never node memory, so any
// node can serve any client; one REPEATABLE READ transaction makes the snapshot equal to the state
// right after event `seq`, and the client then applies only events with a higher seq.
import type {
	CallView,
	DisplaySnapshot,
	SnapshotMpp,
	StaffSnapshot,
	TicketView,
	WaitingCounts
} from '../../realtime/events';
import { localDate } from '../../domain/local-day';
import { RECENT_CALLS } from '../../realtime/apply';
import type { Sql, Tx } from '../db/client';
import { listCounters } from '../db/counters';
import { findMppById } from '../db/mpps';
import { countWaitingInMpp } from '../db/queue-stats';
import { listRecentCalls, listServicesWithTenant, readEventSeq, type RecentCallRow } from '../db/snapshots';
import { findTicketRecord } from '../db/tickets';
import { notFound } from '../errors';
import { staffTicketView } from '../queue/views';

export async function displaySnapshot(sql: Sql, mppId: string): Promise<DisplaySnapshot> {
	return consistentRead(sql, async (tx) => {
		const common = await readCommon(tx, mppId);
		return {
			kind: 'display',
			...common.shared,
			counters: common.counters.map(({ id, name, status }) => ({ id, name, status }))
		};
	});
}

export async function staffSnapshot(sql: Sql, mppId: string): Promise<StaffSnapshot> {
	return consistentRead(sql, async (tx) => {
		const common = await readCommon(tx, mppId);
		const tickets = new Map<string, TicketView>();
		for (const { currentTicketId } of common.counters) {
			const record = currentTicketId ? await findTicketRecord(tx, currentTicketId) : undefined;
			// a ticket of an ended local day is not at the counter any more (the sweep expires it)
			if (record && record.localDate === common.today) tickets.set(record.id, staffTicketView(record));
		}
		return {
			kind: 'staff',
			...common.shared,
			counters: common.counters.map((c) => ({
				id: c.id,
				name: c.name,
				status: c.status,
				serviceIds: c.serviceIds,
				currentTicket: (c.currentTicketId && tickets.get(c.currentTicketId)) || null
			}))
		};
	});
}

function consistentRead<T>(sql: Sql, read: (tx: Tx) => Promise<T>): Promise<T> {
	return sql.begin('ISOLATION LEVEL REPEATABLE READ READ ONLY', read) as Promise<T>;
}

async function readCommon(tx: Tx, mppId: string) {
	const seq = await readEventSeq(tx, mppId);
	const mpp = await findMppById(tx, mppId);
	if (seq === undefined || !mpp) throw notFound('MPP tidak ditemukan (MPP not found).');
	const calls = await listRecentCalls(tx, mppId, RECENT_CALLS);
	// the same count every event's `waiting` carries, so snapshot and deltas agree
	const waiting: WaitingCounts = await countWaitingInMpp(tx, mppId);
	const services = await listServicesWithTenant(tx, mppId);
	const counters = await listCounters(tx, mppId);
	const snapshotMpp: SnapshotMpp = {
		id: mpp.id,
		slug: mpp.slug,
		name: mpp.name,
		timezone: mpp.timezone,
		runningText: mpp.runningText
	};
	return {
		shared: { seq, mpp: snapshotMpp, recentCalls: calls.map(callView), waiting, services },
		today: localDate(new Date(), mpp.timezone),
		counters: [...counters].sort(byName)
	};
}

const collator = new Intl.Collator('id', { numeric: true });
// "Loket 2" before "Loket 10", as people number their counters
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

function callView(row: RecentCallRow): CallView {
	return { ...row, calledAt: row.calledAt.toISOString() };
}
