import { describe, expect, it } from 'vitest';
import { presetRange } from './presets';
import { parseHistoryQuery } from './query.server';

const today = '2026-03-15';
const parse = (query: string) => parseHistoryQuery(new URLSearchParams(query), today);

describe('History query', () => {
	it('defaults to the last 30 days by agency', () => {
		expect(parse('')).toEqual({ ok: true, query: { from: '2026-02-14', to: today, groupBy: 'tenant' } });
	});

	it('keeps the dates and grouping of a link, and treats blank form fields as absent', () => {
		expect(parse('from=2026-01-01&to=2026-01-31&groupBy=hour')).toEqual({
			ok: true,
			query: { from: '2026-01-01', to: '2026-01-31', groupBy: 'hour' }
		});
		expect(parse('from=&to=&groupBy=')).toEqual(parse(''));
	});

	it('refuses malformed or reversed dates, over-long ranges and unknown groupings', () => {
		expect(parse('from=2026-13-01')).toEqual({ ok: false, field: 'dates' });
		expect(parse('from=2026-03-10&to=2026-03-01')).toEqual({ ok: false, field: 'dates' });
		expect(parse('from=2024-01-01&to=2026-01-01')).toEqual({ ok: false, field: 'dates' });
		expect(parse('groupBy=province')).toEqual({ ok: false, field: 'groupBy' });
	});
});

describe('presets', () => {
	it('end today, or cover the whole of last month', () => {
		expect(presetRange('7d', today)).toEqual({ from: '2026-03-09', to: today });
		expect(presetRange('90d', today)).toEqual({ from: '2025-12-16', to: today });
		expect(presetRange('thisMonth', today)).toEqual({ from: '2026-03-01', to: today });
		expect(presetRange('lastMonth', today)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
		expect(presetRange('lastMonth', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
	});
});
