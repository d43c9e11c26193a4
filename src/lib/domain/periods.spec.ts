import { describe, expect, it } from 'vitest';
import { addMonths, mondayOf, monthRange, periodsBetween } from './periods';

describe('periods of local dates', () => {
	it('key a week by its Monday and a month by YYYY-MM', () => {
		// 11 Oct 2026 is a Sunday
		expect(mondayOf('2026-10-11')).toBe('2026-10-05');
		expect(mondayOf('2026-10-05')).toBe('2026-10-05');
		expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
		expect(addMonths('2026-01', -1)).toBe('2025-12');
		expect(addMonths('2025-12', 1)).toBe('2026-01');
	});

	it('list every week touching the stretch and mark the cut ones partial', () => {
		expect(periodsBetween('2026-10-07', '2026-10-19', 'week')).toEqual([
			{ key: '2026-10-05', from: '2026-10-07', to: '2026-10-11', partial: true },
			{ key: '2026-10-12', from: '2026-10-12', to: '2026-10-18', partial: false },
			{ key: '2026-10-19', from: '2026-10-19', to: '2026-10-19', partial: true }
		]);
	});

	it('list every month, across a new year', () => {
		expect(periodsBetween('2025-11-01', '2026-01-15', 'month')).toEqual([
			{ key: '2025-11', from: '2025-11-01', to: '2025-11-30', partial: false },
			{ key: '2025-12', from: '2025-12-01', to: '2025-12-31', partial: false },
			{ key: '2026-01', from: '2026-01-01', to: '2026-01-15', partial: true }
		]);
		expect(periodsBetween('2026-02-01', '2026-01-01', 'month')).toEqual([]);
	});
});
