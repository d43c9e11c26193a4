// A small RFC 4180 CSV reader and writer. The reader is for the setup import (issue 6 "Bulk setup"):
// quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM from spreadsheet exports, and `;` when a
// spreadsheet in an Indonesian locale (decimal comma) saved it that way. The writer is every CSV
// Antrean gives out (setup export, statistics, the ministry's reports): comma separated, CRLF, UTF-8,
// numbers plain (dot decimals, no grouping), empty for a missing value, so any spreadsheet or script
// reads them.
//
// Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`, `-`,
// `@`, a tab or a carriage return as a formula, so a service named `=HYPERLINK(…)` would become a link
// (or worse) on a ministry analyst's machine. The writer prefixes such a TEXT cell with a single quote;
// numbers stay numbers (a negative number is data, not a formula). To keep the guard reversible, a text
// cell that already starts with quotes before one of those characters gets one more, and the setup
// import takes exactly one off again (unguardCell), so every name round-trips.
// https://owasp.org/www-community/attacks/CSV_Injection

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

const formulaStart = /^'*[=+\-@\t\r]/;

/** A text cell as a spreadsheet must see it: inert, with a leading quote when it would be a formula. */
export function guardCell(text: string): string {
	return formulaStart.test(text) ? `'${text}` : text;
}

/** The inverse of guardCell, for cells read back from a file Antrean (or a spreadsheet) wrote. */
export function unguardCell(text: string): string {
	return text.startsWith("'") && formulaStart.test(text) ? text.slice(1) : text;
}

function cell(value: CsvCell): string {
	const text =
		value === null || value === undefined ? '' : typeof value === 'number' ? String(value) : guardCell(value);
	return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export type CsvCell = string | number | null | undefined;

export function formatCsv(rows: CsvCell[][]): string {
	return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
