import { describe, expect, it } from 'vitest';
import { describeChanges } from './changes';

const id = '0b1e2c3d-0000-4000-8000-000000000001';
const words = {
	label: (field: string) => ({ name: 'Nama', serviceIds: 'Layanan' })[field] ?? field,
	name: (value: string) => (value === id ? 'KTP-el' : undefined)
};

describe('audit change lines', () => {
	it('shows before → after with labels, a creation as its value, ids as names, lists and empties readably', () => {
		expect(
			describeChanges(
				'config',
				{
					name: ['Loket 9', 'Loket 9 Polri'],
					prefix: [null, 'E'],
					dailyQuota: [150, null],
					openingHours: [{}, {}],
					serviceIds: [[], [id, '9f9f9f9f-0000-4000-8000-000000000002']]
				},
				words
			)
		).toEqual([
			'Nama: Loket 9 → Loket 9 Polri',
			'prefix: E',
			'dailyQuota: 150 → –',
			'openingHours',
			'Layanan: – → KTP-el, 9f9f9f9f'
		]);
		expect(describeChanges('ticket', { callCount: 2 }, words)).toEqual(['callCount: 2']);
	});
});
