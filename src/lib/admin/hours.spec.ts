import { describe, expect, it } from 'vitest';
import { fromDayForm, toDayForms } from './hours';

const day = (from: string, to: string, breakFrom = '', breakTo = '') => ({
	open: true,
	from,
	to,
	breakFrom,
	breakTo
});

describe('opening hours form', () => {
	it('turns a day with the Friday prayer break into two periods, and back', () => {
		expect(fromDayForm(day('07:30', '16:00', '11:30', '13:00'))).toEqual({
			periods: [
				['07:30', '11:30'],
				['13:00', '16:00']
			]
		});
		const forms = toDayForms({
			sun: [],
			mon: [['07:30', '16:00']],
			tue: [],
			wed: [],
			thu: [],
			fri: [
				['13:00', '16:00'],
				['07:30', '11:30']
			],
			sat: []
		});
		expect(forms.fri).toEqual(day('07:30', '16:00', '11:30', '13:00'));
		expect(forms.mon).toEqual(day('07:30', '16:00'));
		expect(forms.sun.open).toBe(false);
	});

	it('a closed day has no periods, whatever its times say', () => {
		expect(fromDayForm({ ...day('x', 'y'), open: false })).toEqual({ periods: [] });
	});

	it('names what is wrong: a time that is not a time, closing before opening, a break outside the day', () => {
		expect(fromDayForm(day('7:30', '16:00'))).toEqual({ problem: 'admin.invalid.time' });
		expect(fromDayForm(day('16:00', '07:30'))).toEqual({ problem: 'admin.invalid.hoursOrder' });
		expect(fromDayForm(day('07:30', '16:00', '11:30', ''))).toEqual({ problem: 'admin.invalid.time' });
		expect(fromDayForm(day('07:30', '16:00', '13:00', '11:30'))).toEqual({
			problem: 'admin.invalid.breakOrder'
		});
		expect(fromDayForm(day('07:30', '16:00', '06:00', '08:00'))).toEqual({
			problem: 'admin.invalid.breakOrder'
		});
	});

	it('a day may run to midnight', () => {
		expect(fromDayForm(day('00:00', '24:00'))).toEqual({ periods: [['00:00', '24:00']] });
	});
});
