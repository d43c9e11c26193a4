// Durations as the console shows them: a running timer on the current ticket and the longest wait.

/** "0:07", "12:34", "1:02:03": minutes and seconds, hours only once there are any. */
export function formatDuration(ms: number): string {
	const total = Math.max(0, Math.floor(ms / 1000));
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = String(total % 60).padStart(2, '0');
	return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Whole minutes, never negative: a wait of 59 s is "0 minutes", not "1". */
export function wholeMinutes(ms: number): number {
	return Math.max(0, Math.floor(ms / 60_000));
}

/**
 * Milliseconds from `since` (ISO) to now on the server's clock. `offsetMs` = server clock − this
 * PC's clock, measured at load, so a counter PC whose clock is a minute off still shows true times.
 */
export function elapsedSince(since: string, nowMs: number, offsetMs = 0): number {
	return Math.max(0, nowMs + offsetMs - Date.parse(since));
}

/** "09:41 WITA": a clock time in the MPP's own zone with its Indonesian label. */
export function formatLocalClock(at: string | number | Date, timeZone: string, zone: string): string {
	const time = new Intl.DateTimeFormat('en-GB', {
		timeZone,
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).format(new Date(at));
	return `${time} ${zone}`;
}
