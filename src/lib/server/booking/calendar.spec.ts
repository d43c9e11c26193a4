import { describe, expect, it } from 'vitest';
import type { Mpp } from '../db/mpps';
import type { Service } from '../db/services';
import { planFrom } from './calendar';

const officeHours = { mon: [['08:00', '16:00']] } as unknown as Mpp['openingHours'];
const mpp = (ticketsAnyHour: boolean) =>
	({ timezone: 'Asia/Jayapura', openingHours: officeHours, ticketsAnyHour }) as Mpp;
const service = {
	expectedServiceMinutes: 10,
	bookingShare: 50,
	bookingHorizonDays: 14,
	bookingReleaseHour: 7
} as Service;
const monday = '2026-12-07';

describe('planFrom', () => {
	it('plans windows within the opening hours, none on a closed day', () => {
		const plan = planFrom(mpp(false), service, monday, { closed: false, counters: 2 });
		expect(plan.map((s) => s.time)).toEqual(
			Array.from(
				{ length: 32 },
				(_, i) => `${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`
			)
		);
		expect(plan[0].capacity).toBe(1);
		expect(planFrom(mpp(false), service, monday, { closed: true, counters: 2 })).toEqual([]);
		expect(planFrom(mpp(false), service, '2026-12-06', { closed: false, counters: 2 })).toEqual([]);
	});

	it('plans windows at every hour for an MPP that issues at any hour (the demo), closed days too', () => {
		for (const [date, closed] of [
			[monday, false],
			['2026-12-06', true]
		] as const) {
			const plan = planFrom(mpp(true), service, date, { closed, counters: 2 });
			expect(plan).toHaveLength(96);
			expect(plan[0].time).toBe('00:00');
			expect(plan.at(-1)!.time).toBe('23:45');
			// 23:45 WIT is 14:45 UTC
			expect(plan.at(-1)!.start.toISOString()).toBe(`${date}T14:45:00.000Z`);
		}
	});
});
