// The kiosk's menu kept right while nobody touches it, without a request (issue 10 §1): waiting
// counts from the display room, opening, cut-off and closing judged on the kiosk's own clock by the
// same rule the server applies (domain/issue-rules.ts). A quota reached stays as the server said;
// another kiosk reaching it meanwhile is refused kindly by the issue action.
import { checkIssueTime } from '$lib/domain/issue-rules';
import { localTime, zoneLabel } from '$lib/domain/local-day';
import type { WaitingCounts } from '$lib/realtime/events';
import type { KioskSchedule, KioskTenant, Unavailable } from '$lib/server/kiosk/menu';

export function liveMenu(
	tenants: KioskTenant[],
	schedule: KioskSchedule,
	now: Date,
	waiting: WaitingCounts | null
): KioskTenant[] {
	const at = localTime(now, schedule.timezone);
	const zone = zoneLabel(schedule.timezone);
	return tenants.map((tenant) => {
		const services = tenant.services.map((service) => {
			const refusal = schedule.closedToday
				? { code: 'service_closed' as const, time: undefined }
				: checkIssueTime({
						openingHours: schedule.openingHours,
						at,
						cutoffMinutes: schedule.cutoffMinutes[service.id] ?? 0,
						zoneLabel: zone
					});
			const quota = service.unavailable?.code === 'quota_reached' ? service.unavailable : null;
			const unavailable: Unavailable | null = refusal ? { code: refusal.code, time: refusal.time } : quota;
			return { ...service, waiting: waiting?.[service.id] ?? service.waiting, unavailable };
		});
		return {
			...tenant,
			services,
			waiting: services.reduce((sum, s) => sum + s.waiting, 0),
			unavailable: services.every((s) => s.unavailable !== null)
		};
	});
}

/** The MPP's local day moved on since the menu was read: quotas and closed days start over. */
export function isNewDay(schedule: KioskSchedule, now: Date): boolean {
	return localTime(now, schedule.timezone).date !== schedule.localDate;
}
