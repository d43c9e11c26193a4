import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from './csv';

describe('setup CSV', () => {
	it('round-trips quotes, commas, line breaks and empty cells', () => {
		const rows = [
			['kind', 'name', 'quota'],
			['service', 'KTP "elektronik", baru', ''],
			['counter', 'Loket 1\nlantai 2', '30']
		];
		expect(parseCsv(formatCsv(rows))).toEqual(rows);
	});

	it('reads what spreadsheets save: a BOM, semicolons, LF endings, no final newline', () => {
		expect(parseCsv('\uFEFFkind;name\ntenant;Disdukcapil')).toEqual([
			['kind', 'name'],
			['tenant', 'Disdukcapil']
		]);
	});
});
