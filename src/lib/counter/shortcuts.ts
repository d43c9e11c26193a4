// Keyboard shortcuts of the counter console. An operator calls hundreds of tickets a day with one
// hand on the keyboard, so every action has one key, shown on its button; this module decides which
// key press means which action, and which key presses are not meant for the console at all.

export const consoleActions = [
	'callNext',
	'recall',
	'start',
	'finish',
	'noShow',
	'transfer',
	'pause',
	'close',
	'open'
] as const;
export type ConsoleAction = (typeof consoleActions)[number];

/** The key shown on each action's button (Space also calls next, see `shortcutFor`). */
export const shortcutKeys: Record<ConsoleAction, string> = {
	callNext: 'N',
	recall: 'R',
	start: 'S',
	finish: 'F',
	noShow: 'X',
	transfer: 'T',
	pause: 'P',
	close: 'C',
	open: 'O'
};

const byKey = new Map<string, ConsoleAction>(
	Object.entries(shortcutKeys).map(([action, key]) => [key.toLowerCase(), action as ConsoleAction])
);

/** What `shortcutFor` needs of a KeyboardEvent (so it is testable without a DOM). */
export interface KeyPress {
	key: string;
	repeat?: boolean;
	ctrlKey?: boolean;
	altKey?: boolean;
	metaKey?: boolean;
	/** the focused element's tag name, e.g. 'INPUT' */
	targetTag?: string;
	targetEditable?: boolean;
}

const typingTags = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
// Space and Enter on these already press them; Space must not also call the next ticket
const pressableTags = new Set(['BUTTON', 'A', 'SUMMARY', 'DETAILS']);

/**
 * The action a key press asks for, or null. Ignored: held keys (a held N must not call a row of
 * tickets), combinations with Ctrl/Alt/Meta (browser shortcuts such as Ctrl+R), and keys typed into
 * a field. Space calls next only when no button or link has the focus.
 */
export function shortcutFor(press: KeyPress): ConsoleAction | null {
	if (press.repeat || press.ctrlKey || press.altKey || press.metaKey) return null;
	const tag = press.targetTag?.toUpperCase() ?? '';
	if (press.targetEditable || typingTags.has(tag)) return null;
	if (press.key === ' ' || press.key === 'Spacebar') return pressableTags.has(tag) ? null : 'callNext';
	return byKey.get(press.key.toLowerCase()) ?? null;
}

/** The KeyPress of a DOM keyboard event. */
export function keyPressOf(event: KeyboardEvent): KeyPress {
	const target = event.target instanceof HTMLElement ? event.target : null;
	return {
		key: event.key,
		repeat: event.repeat,
		ctrlKey: event.ctrlKey,
		altKey: event.altKey,
		metaKey: event.metaKey,
		targetTag: target?.tagName,
		targetEditable: target?.isContentEditable ?? false
	};
}
