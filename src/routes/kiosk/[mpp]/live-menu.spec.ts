import { describe, expect, it } from 'vitest';
import type { KioskSchedule, KioskTenant } from '$lib/server/kiosk/menu';
import { isNewDay, liveMenu } from './live-menu';

const day: [string, string][] = [['08:00', '16:00']];
const schedule: KioskSchedule = {
	timezone: 'Asia/Makassar',
	openingHours: { sun: [], mon: day, tue: day, wed: day, thu: day, fri: day, sat: [] },
	localDate: '2026-01-05',
	closedToday: false,
	cutoffMinutes: { ktp: 60, kk: 30 },
	readAt: '2026-01-05T01:00:00.000Z'
};
const tenants: KioskTenant[] = [
	{
		id: 'dukcapil',
		name: 'Disdukcapil',
		waiting: 5,
		unavailable: false,
		services: [
			{ id: 'ktp', name: 'KTP-el', prefix: 'A', waiting: 3, unavailable: null },
			{ id: 'kk', name: 'KK', prefix: 'B', waiting: 2, unavailable: { code: 'quota_reached', quota: 50 } }
		]
	}
];
// Monday 5 January 2026 in WITA (UTC+8)
const wita = (clock: string) => new Date(`2026-01-05T${clock}:00+08:00`);

describe('liveMenu', () => {
	it('takes the waiting counts of the display room, per service and per agency', () => {
		const [tenant] = liveMenu(tenants, schedule, wita('10:00'), { ktp: 7, kk: 1 });
		expect(tenant.services.map((s) => s.waiting)).toEqual([7, 1]);
		expect(tenant.waiting).toBe(8);
		// before the socket's first snapshot, the counts of the page load
		expect(liveMenu(tenants, schedule, wita('10:00'), null)[0].waiting).toBe(5);
	});

	it('closes a service at its cut-off on the clock, with no request', () => {
		const open = liveMenu(tenants, schedule, wita('14:59'), null)[0];
		expect(open.services[0].unavailable).toBeNull();
		const closed = liveMenu(tenants, schedule, wita('15:00'), null)[0];
		expect(closed.services[0].unavailable).toEqual({ code: 'cutoff', time: '15:00' });
		expect(closed.unavailable).toBe(true);
	});

	it('opens in the morning, half an hour before the doors', () => {
		expect(liveMenu(tenants, schedule, wita('07:29'), null)[0].services[0].unavailable).toEqual({
			code: 'not_open_yet',
			time: '07:30'
		});
		expect(liveMenu(tenants, schedule, wita('07:30'), null)[0].services[0].unavailable).toBeNull();
	});

	it('keeps a quota reached, and a closed day closes everything', () => {
		expect(liveMenu(tenants, schedule, wita('10:00'), null)[0].services[1].unavailable).toEqual({
			code: 'quota_reached',
			quota: 50
		});
		const holiday = liveMenu(tenants, { ...schedule, closedToday: true }, wita('10:00'), null)[0];
		expect(holiday.services.map((s) => s.unavailable?.code)).toEqual(['service_closed', 'service_closed']);
	});
});

describe('isNewDay', () => {
	it('turns at the MPP-local midnight, not the kiosk’s or UTC’s', () => {
		expect(isNewDay(schedule, wita('23:59'))).toBe(false);
		expect(isNewDay(schedule, new Date('2026-01-05T16:00:00Z'))).toBe(true);
	});
});
