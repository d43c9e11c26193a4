import { describe, expect, it } from 'vitest';
import { busiestDays, reportMonth, shiftMonth, visitsByWeek } from './month';

describe('report month', () => {
	it('defaults to the last full month, across a year end too', () => {
		expect(reportMonth(null, '2026-03-15')).toEqual({
			month: '2026-02',
			from: '2026-02-01',
			to: '2026-02-28',
			inProgress: false
		});
		expect(reportMonth(null, '2026-01-02')?.month).toBe('2025-12');
		expect(reportMonth('2024-02', '2026-01-02')?.to).toBe('2024-02-29');
	});

	it('reads the current month up to today, and refuses months to come or malformed ones', () => {
		expect(reportMonth('2026-03', '2026-03-15')).toEqual({
			month: '2026-03',
			from: '2026-03-01',
			to: '2026-03-15',
			inProgress: true
		});
		expect(reportMonth('2026-04', '2026-03-15')).toBeNull();
		expect(reportMonth('2026-13', '2026-03-15')).toBeNull();
		expect(reportMonth('2026-3', '2026-03-15')).toBeNull();
		expect(reportMonth('', '2026-03-15')).toBeNull();
	});

	it('moves by whole months', () => {
		expect(shiftMonth('2026-01', -1)).toBe('2025-12');
		expect(shiftMonth('2025-12', 1)).toBe('2026-01');
	});
});

describe('visits by week', () => {
	it('cuts Monday-to-Sunday weeks at the month edges and adds up each week', () => {
		// March 2026 begins on a Sunday
		const days = [
			{ date: '2026-03-01', issued: 5, served: 4 },
			{ date: '2026-03-02', issued: 10, served: 9 },
			{ date: '2026-03-08', issued: 1, served: 1 },
			{ date: '2026-03-31', issued: 7, served: 7 }
		];
		const weeks = visitsByWeek({ from: '2026-03-01', to: '2026-03-31' }, days);
		expect(weeks.map((w) => [w.from, w.to])).toEqual([
			['2026-03-01', '2026-03-01'],
			['2026-03-02', '2026-03-08'],
			['2026-03-09', '2026-03-15'],
			['2026-03-16', '2026-03-22'],
			['2026-03-23', '2026-03-29'],
			['2026-03-30', '2026-03-31']
		]);
		expect(weeks.map((w) => w.issued)).toEqual([5, 11, 0, 0, 0, 7]);
		expect(weeks.reduce((s, w) => s + w.served, 0)).toBe(21);
	});

	it('ranks the busiest days', () => {
		const days = [
			{ date: '2026-03-03', issued: 9, served: 8 },
			{ date: '2026-03-02', issued: 9, served: 9 },
			{ date: '2026-03-04', issued: 12, served: 10 },
			{ date: '2026-03-01', issued: 0, served: 0 }
		];
		expect(busiestDays(days, 2).map((d) => d.date)).toEqual(['2026-03-04', '2026-03-02']);
		expect(busiestDays(days, 10)).toHaveLength(3);
	});
});
