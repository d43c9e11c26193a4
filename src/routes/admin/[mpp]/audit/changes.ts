// One audit record's change as short lines an officer reads: "Nama: Loket 9 → Loket 9 Polri", with
// ids shown as the names of the services, counters and agencies they stand for.
export interface Wording {
	/** the field's label in the reader's language, or the field itself */
	label(field: string): string;
	/** the name of a service, counter or agency id, or undefined */
	name(id: string): string | undefined;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function show(value: unknown, words: Wording): string {
	if (value === null || value === undefined || value === '') return '–';
	if (Array.isArray(value)) return value.length ? value.map((v) => show(v, words)).join(', ') : '–';
	if (typeof value === 'string' && uuid.test(value)) return words.name(value) ?? value.slice(0, 8);
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

export function describeChanges(
	source: 'config' | 'ticket',
	changes: Record<string, unknown>,
	words: Wording
): string[] {
	if (source === 'ticket') {
		return Object.entries(changes).map(([key, value]) => `${words.label(key)}: ${show(value, words)}`);
	}
	return Object.entries(changes).map(([field, pair]) => {
		const [before, after] = Array.isArray(pair) ? pair : [undefined, pair];
		const label = words.label(field);
		// opening hours are long: name the field, the full values stay in the database
		if (field === 'openingHours') return label;
		return before === null || before === undefined
			? `${label}: ${show(after, words)}`
			: `${label}: ${show(before, words)} → ${show(after, words)}`;
	});
}
