import { describe, expect, it } from 'vitest';
import { clockFace } from './clock';

// 23 November 2026, 07:05 UTC
const at = new Date('2026-11-23T07:05:00.000Z');

describe('clockFace', () => {
	it('shows the MPP’s own time with its zone, in Indonesian', () => {
		expect(clockFace(at, 'Asia/Jakarta', 'id')).toEqual({
			time: '14:05',
			date: 'Senin, 23 November 2026',
			zone: 'WIB'
		});
		expect(clockFace(at, 'Asia/Makassar', 'id').time).toBe('15:05');
		expect(clockFace(at, 'Asia/Makassar', 'id').zone).toBe('WITA');
		expect(clockFace(at, 'Asia/Jayapura', 'id')).toMatchObject({ time: '16:05', zone: 'WIT' });
	});

	it('turns the date at the MPP’s midnight, not the TV’s', () => {
		const late = new Date('2026-11-23T15:30:00.000Z');
		expect(clockFace(late, 'Asia/Jakarta', 'id')).toMatchObject({
			time: '22:30',
			date: 'Senin, 23 November 2026'
		});
		expect(clockFace(late, 'Asia/Jayapura', 'id')).toMatchObject({
			time: '00:30',
			date: 'Selasa, 24 November 2026'
		});
	});

	it('writes the date in English when the screen is in English', () => {
		expect(clockFace(at, 'Asia/Jakarta', 'en').date).toMatch(/Monday,? 23 November 2026/);
	});
});
