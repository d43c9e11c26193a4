import { describe, expect, it } from 'vitest';
import { skewView } from './clock-skew';

const units = { minutes: 'mnt', seconds: 'dtk' };

describe('skewView', () => {
	it('calls a few hundred ms in sync, and says nothing before the first contact', () => {
		expect(skewView(800, units)).toEqual({ kind: 'in_sync' });
		expect(skewView(null, units)).toEqual({ kind: 'unknown' });
	});

	it('says ahead or behind in minutes and seconds, and warns past a minute', () => {
		expect(skewView(180_400, units)).toEqual({ kind: 'ahead', amount: '3 mnt', warn: true });
		expect(skewView(-185_000, units)).toEqual({ kind: 'behind', amount: '3 mnt 5 dtk', warn: true });
		expect(skewView(-12_000, units)).toEqual({ kind: 'behind', amount: '12 dtk', warn: false });
	});
});
