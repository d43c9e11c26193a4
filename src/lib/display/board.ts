// What the board shows, derived from a display snapshot: pure, so the rules are unit-tested and the
// component only lays them out. A TV shows calls and counts, never the numbers still waiting.
import type { CallView, SnapshotService, WaitingCounts } from '../realtime/events';

export interface WaitingGroup {
	tenantName: string;
	/** the ticket letters of this tenant's services, so a citizen finds their own ("A", "AK") */
	prefixes: string[];
	waiting: number;
}

/** Waiting counts per tenant, in the order of the tenants' first ticket letter. */
export function waitingByTenant(
	services: SnapshotService[],
	waiting: WaitingCounts,
	accepts: (serviceId: string) => boolean
): WaitingGroup[] {
	const groups = new Map<string, WaitingGroup>();
	for (const service of services) {
		if (!accepts(service.id)) continue;
		let group = groups.get(service.tenantName);
		if (!group)
			groups.set(service.tenantName, (group = { tenantName: service.tenantName, prefixes: [], waiting: 0 }));
		group.prefixes.push(service.prefix);
		group.waiting += waiting[service.id] ?? 0;
	}
	return [...groups.values()];
}

/** The calls this TV shows, newest first. */
export function visibleCalls(
	calls: CallView[],
	accepts: (serviceId: string) => boolean,
	limit: number
): CallView[] {
	return calls.filter((call) => accepts(call.serviceId)).slice(0, limit);
}

/** One announcement per call or recall of a ticket. */
export const callKey = (call: Pick<CallView, 'ticketId' | 'callCount'>) =>
	`${call.ticketId}#${call.callCount}`;

/** Whether a service passes the filter: every service when there is none. */
export function acceptsService(filter: { serviceIds: string[] | null }): (serviceId: string) => boolean {
	if (!filter.serviceIds) return () => true;
	const allowed = new Set(filter.serviceIds);
	return (serviceId) => allowed.has(serviceId);
}
