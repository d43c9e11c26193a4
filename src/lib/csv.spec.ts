import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv, unguardCell } from './csv';

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

describe('formula injection', () => {
	const dangerous = [
		'=HYPERLINK("http://x","y")',
		'+1+2',
		'-2+3',
		'@SUM(A1)',
		'\tTAB',
		'\rCR',
		"'=already quoted"
	];

	it('prefixes every text cell a spreadsheet would run as a formula with a quote', () => {
		const lines = formatCsv(dangerous.map((d) => [d])).split('\r\n');
		expect(lines.slice(0, 3)).toEqual([`"'=HYPERLINK(""http://x"",""y"")"`, "'+1+2", "'-2+3"]);
		expect(lines[3]).toBe("'@SUM(A1)");
		expect(lines[4]).toBe("'\tTAB");
		expect(lines[5]).toBe(`"'\rCR"`);
		expect(lines[6]).toBe("''=already quoted");
	});

	it('leaves numbers, negative ones too, and harmless text as they are', () => {
		expect(formatCsv([[-5, -0.25, 'KTP-el', 'A-1', "Jum'at", "'quote", '']])).toBe(
			"-5,-0.25,KTP-el,A-1,Jum'at,'quote,\r\n"
		);
	});

	it('round-trips through unguardCell, also a name that already started with the guard', () => {
		const rows = [dangerous, ['plain', "'quote", '']];
		expect(parseCsv(formatCsv(rows)).map((r) => r.map(unguardCell))).toEqual(rows);
		expect(unguardCell("'plain")).toBe("'plain");
	});
});
