// Columns of Antrean's sortable tables (History, the ministry's ranking and trends): what a cell shows,
// and the value it sorts by (numbers as numbers, names in Indonesian collation, empty cells last).
export interface Column<Row> {
	id: string;
	label: string;
	/** right-aligned, sorted high → low on the first click */
	numeric?: boolean;
	sortValue: (row: Row) => number | string | null;
	text: (row: Row) => string;
}

export type SortDirection = 'ascending' | 'descending';

export function sortRows<Row>(rows: readonly Row[], column: Column<Row>, direction: SortDirection): Row[] {
	const sign = direction === 'ascending' ? 1 : -1;
	return rows
		.map((row, index) => ({ row, index, value: column.sortValue(row) }))
		.sort((a, b) => {
			if (a.value === null || b.value === null) {
				if (a.value === b.value) return a.index - b.index;
				return a.value === null ? 1 : -1;
			}
			const order =
				typeof a.value === 'number' && typeof b.value === 'number'
					? a.value - b.value
					: String(a.value).localeCompare(String(b.value), 'id', { numeric: true });
			return order * sign || a.index - b.index;
		})
		.map((entry) => entry.row);
}
