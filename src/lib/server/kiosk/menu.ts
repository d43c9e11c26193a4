// What a kiosk offers right now: agencies (tenants) with their services, how many wait for each, and
// whether a number can be taken, decided by the same rules the queue engine applies when issuing
// (src/lib/domain/issue-rules.ts), so a citizen learns why before touching a closed service.
import { checkIssueTime, issueHours, type IssueRefusalCode } from '$lib/domain/issue-rules';
import { localTime, zoneLabel } from '$lib/domain/local-day';
import type { Db } from '../db/client';
import { findClosedDay } from '../db/closed-days';
import { issuedTodayPerService } from '../db/kiosk';
import type { Mpp } from '../db/mpps';
import { listServicesWithWaiting } from '../db/services';

/** Why no number can be taken now; `time` is a local 'HH:MM', `quota` the daily quota. */
export interface Unavailable {
	code: IssueRefusalCode;
	time?: string;
	quota?: number;
}

export interface KioskService {
	id: string;
	name: string;
	prefix: string;
	waiting: number;
	unavailable: Unavailable | null;
}

export interface KioskTenant {
	id: string;
	name: string;
	waiting: number;
	services: KioskService[];
	/** true when no service of this agency can issue a number now */
	unavailable: boolean;
}

export async function kioskMenu(db: Db, mpp: Mpp, now = new Date()): Promise<KioskTenant[]> {
	const local = localTime(now, mpp.timezone);
	const [services, issued, closedDay] = await Promise.all([
		listServicesWithWaiting(db, mpp.id, now),
		issuedTodayPerService(db, mpp.id, local.date),
		mpp.ticketsAnyHour ? undefined : findClosedDay(db, mpp.id, local.date)
	]);
	const tenants = new Map<string, KioskTenant>();
	for (const service of services) {
		// a holiday or closed day set by the MPP's admin (issue 6) closes every service, whatever the hours
		const refusal = closedDay
			? { code: 'service_closed' as const, time: undefined }
			: checkIssueTime({
					openingHours: issueHours(mpp),
					at: local,
					cutoffMinutes: service.cutoffMinutes,
					zoneLabel: zoneLabel(mpp.timezone)
				});
		const quotaReached = service.dailyQuota !== null && (issued[service.id] ?? 0) >= service.dailyQuota;
		const unavailable: Unavailable | null = refusal
			? { code: refusal.code, time: refusal.time }
			: quotaReached
				? { code: 'quota_reached', quota: service.dailyQuota ?? undefined }
				: null;
		let tenant = tenants.get(service.tenantId);
		if (!tenant) {
			tenant = {
				id: service.tenantId,
				name: service.tenantName,
				waiting: 0,
				services: [],
				unavailable: true
			};
			tenants.set(service.tenantId, tenant);
		}
		tenant.waiting += service.waiting;
		tenant.unavailable &&= unavailable !== null;
		tenant.services.push({
			id: service.id,
			name: service.name,
			prefix: service.prefix,
			waiting: service.waiting,
			unavailable
		});
	}
	return [...tenants.values()];
}

/**
 * What a kiosk needs to keep its menu right as the clock moves, without asking the server again
 * (issue 10 §1: an idle live page makes no request): the same inputs `kioskMenu` judges the time by.
 */
export interface KioskSchedule {
	timezone: string;
	openingHours: Mpp['openingHours'];
	/** the MPP-local day the menu was read for: a new day (quotas, closed days) needs a fresh read */
	localDate: string;
	closedToday: boolean;
	cutoffMinutes: Record<string, number>;
	/** the server's clock when read (ISO): the kiosk judges the hours on it, not on its own clock */
	readAt: string;
}

export async function kioskSchedule(db: Db, mpp: Mpp, now = new Date()): Promise<KioskSchedule> {
	const local = localTime(now, mpp.timezone);
	const [services, closedDay] = await Promise.all([
		listServicesWithWaiting(db, mpp.id),
		mpp.ticketsAnyHour ? undefined : findClosedDay(db, mpp.id, local.date)
	]);
	return {
		timezone: mpp.timezone,
		// the hours tickets are handed out by, so the kiosk's own clock agrees with kioskMenu
		openingHours: issueHours(mpp),
		localDate: local.date,
		closedToday: Boolean(closedDay),
		cutoffMinutes: Object.fromEntries(services.map((s) => [s.id, s.cutoffMinutes])),
		readAt: now.toISOString()
	};
}
