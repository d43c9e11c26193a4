import { describe, expect, it } from 'vitest';
import { bookingCalendar } from './calendar-file';
import type { BookingView } from './view';

const booking = {
	code: 'K7M2QP9X',
	mpp: { slug: 'makassar', name: 'MPP Kota Makassar', timezone: 'Asia/Makassar' },
	zone: 'WITA',
	slotStart: '2026-11-24T01:15:00.000Z',
	createdAt: '2026-11-20T02:00:00.000Z'
} as BookingView;

describe('the booking as an .ics file', () => {
	it('holds the window on the MPP clock with its zone', () => {
		const ics = bookingCalendar(booking, { summary: 'Antrean KTP-el, MPP', description: 'Kode K7M2QP9X' });
		expect(ics).toContain('DTSTART;TZID=Asia/Makassar:20261124T091500\r\n');
		expect(ics).toContain('DTEND;TZID=Asia/Makassar:20261124T093000\r\n');
		expect(ics).toContain('TZOFFSETTO:+0800\r\n');
		expect(ics).toContain('SUMMARY:Antrean KTP-el\\, MPP\r\n');
		expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
	});
});
