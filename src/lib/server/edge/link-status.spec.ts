import { describe, expect, it } from 'vitest';
import { offlineEdges, OFFLINE_AFTER_MS } from './link-status';

const now = new Date('2026-12-05T03:00:00Z'); // 12:00 WIT
const row = (lastSeenAt: Date | null, dataThrough: Date | null) => ({
	mppId: 'm1',
	mppName: 'MPP Jayapura',
	timezone: 'Asia/Jayapura',
	name: 'Edge aula',
	lastSeenAt,
	dataThrough,
	createdAt: new Date('2026-12-01T00:00:00Z')
});

describe('offlineEdges', () => {
	it('says nothing of an edge heard within the last ten beats', () => {
		expect(offlineEdges([row(new Date(now.getTime() - OFFLINE_AFTER_MS + 1000), now)], now)).toEqual([]);
	});

	it('gives since when and data up to when in the MPP zone, with the date when not today', () => {
		const [edge] = offlineEdges(
			[row(new Date('2026-12-05T00:40:00Z'), new Date('2026-12-04T08:15:00Z'))],
			now
		);
		expect(edge).toMatchObject({ since: '09:40 WIT', dataThrough: '2026-12-04 17:15 WIT' });
	});

	it('an edge that never connected has neither', () => {
		expect(offlineEdges([row(null, null)], now)[0]).toMatchObject({ since: null, dataThrough: null });
	});
});
