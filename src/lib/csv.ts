// A small RFC 4180 CSV reader and writer. The reader is for the setup import (issue 6 "Bulk setup"):
// quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM from spreadsheet exports, and `;` when a
// spreadsheet in an Indonesian locale (decimal comma) saved it that way. The writer is every CSV
// Antrean gives out (setup export, statistics, the ministry's reports): comma separated, CRLF, UTF-8,
// numbers plain (dot decimals, no grouping), empty for a missing value, so any spreadsheet or script
// reads them.

export function parseCsv(text: string): string[][] {
	const body = text.replace(/^\uFEFF/, '');
	const firstLine = body.slice(0, body.search(/\r?\n|$/));
	const separator = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < body.length; i++) {
		const c = body[i];
		if (quoted) {
			if (c === '"' && body[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"' && field === '') quoted = true;
		else if (c === separator) {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && body[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += c;
	}
	if (field !== '' || row.length) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

function cell(value: CsvCell): string {
	const text = value === null || value === undefined ? '' : String(value);
	return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export type CsvCell = string | number | null | undefined;

export function formatCsv(rows: CsvCell[][]): string {
	return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
