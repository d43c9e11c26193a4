import { describe, expect, it } from 'vitest';
import { sortRows, type Column } from './sort';

interface Row {
	name: string;
	wait: number | null;
}
const rows: Row[] = [
	{ name: 'Loket 10', wait: 300 },
	{ name: 'Loket 2', wait: null },
	{ name: 'Loket 1', wait: 900 }
];
const byName: Column<Row> = { id: 'name', label: 'Loket', sortValue: (r) => r.name, text: (r) => r.name };
const byWait: Column<Row> = {
	id: 'wait',
	label: 'Tunggu',
	numeric: true,
	sortValue: (r) => r.wait,
	text: String
};

describe('sortRows', () => {
	it('sorts names the way people count (Loket 2 before Loket 10)', () => {
		expect(sortRows(rows, byName, 'ascending').map((r) => r.name)).toEqual([
			'Loket 1',
			'Loket 2',
			'Loket 10'
		]);
	});

	it('sorts numbers as numbers and keeps empty cells last in both directions', () => {
		expect(sortRows(rows, byWait, 'descending').map((r) => r.wait)).toEqual([900, 300, null]);
		expect(sortRows(rows, byWait, 'ascending').map((r) => r.wait)).toEqual([300, 900, null]);
	});
});
