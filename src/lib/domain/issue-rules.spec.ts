import { describe, expect, it } from 'vitest';
import { checkIssueTime, checkQuota } from './issue-rules';
import { localTime } from './local-day';
import type { OpeningHours } from './types';

// A typical MPP (DOMAIN §2): weekdays 07:30–16:00, Friday prayer break, Saturday half day, Sunday closed.
const hours: OpeningHours = {
	sun: [],
	mon: [['07:30', '16:00']],
	tue: [['07:30', '16:00']],
	wed: [['07:30', '16:00']],
	thu: [['07:30', '16:00']],
	fri: [
		['07:30', '11:30'],
		['13:00', '16:00']
	],
	sat: [['08:00', '12:00']]
};

const allDay: OpeningHours = {
	sun: [['00:00', '24:00']],
	mon: [['00:00', '24:00']],
	tue: [['00:00', '24:00']],
	wed: [['00:00', '24:00']],
	thu: [['00:00', '24:00']],
	fri: [['00:00', '24:00']],
	sat: [['00:00', '24:00']]
};

/** Local wall-clock time in Makassar (WITA, UTC+8) on Monday 23 Nov 2026 … Sunday 29 Nov. */
const wita = (day: number, clock: string) =>
	localTime(new Date(`2026-11-${day}T${clock}:00+08:00`), 'Asia/Makassar');

const check = (at: ReturnType<typeof wita>, openingHours = hours, cutoffMinutes = 60) =>
	checkIssueTime({ openingHours, at, cutoffMinutes, zoneLabel: 'WITA' });

describe('checkIssueTime', () => {
	it('issues during opening hours', () => {
		expect(check(wita(23, '07:30'))).toBeNull();
		expect(check(wita(23, '12:00'))).toBeNull();
		expect(check(wita(28, '10:59'))).toBeNull(); // Saturday, cut-off 11:00
	});

	it('refuses on a closed day', () => {
		expect(check(wita(29, '10:00'))).toEqual({ code: 'service_closed', message: 'Layanan tutup hari ini.' });
	});

	it('issues from 30 minutes before the first opening, because citizens queue before the doors open', () => {
		expect(check(wita(23, '07:00'))).toBeNull();
		const refusal = check(wita(23, '06:59'));
		expect(refusal?.code).toBe('not_open_yet');
		expect(refusal?.message).toContain('07:00 WITA');
	});

	it('stops issuing `cutoff` minutes before the last closing of the day', () => {
		expect(check(wita(23, '14:59'))).toBeNull();
		const refusal = check(wita(23, '15:00'));
		expect(refusal?.code).toBe('cutoff');
		expect(refusal?.message).toContain('15:00 WITA');
		expect(refusal?.message).toContain('60 menit');
		expect(check(wita(23, '15:29'), hours, 30)).toBeNull();
		expect(check(wita(23, '23:00'))?.code).toBe('cutoff');
	});

	it('issues during the Friday prayer break: the afternoon session will serve the ticket', () => {
		expect(check(wita(27, '12:00'))).toBeNull();
		expect(check(wita(27, '15:00'))?.code).toBe('cutoff');
	});

	it('has no cut-off when service runs through midnight into the next day', () => {
		expect(check(wita(23, '23:59'), allDay)).toBeNull();
		expect(check(wita(24, '00:00'), allDay)).toBeNull();
		const untilSunday = { ...allDay, mon: [] as [string, string][] };
		expect(check(wita(29, '23:30'), untilSunday)?.code).toBe('cutoff');
	});
});

describe('checkQuota', () => {
	it('allows numbers up to the daily quota and refuses the next one', () => {
		expect(checkQuota(250, 250)).toBeNull();
		const refusal = checkQuota(251, 250);
		expect(refusal?.code).toBe('quota_reached');
		expect(refusal?.message).toContain('250');
	});

	it('has no limit without a quota', () => {
		expect(checkQuota(999, null)).toBeNull();
	});
});
