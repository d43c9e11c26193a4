// How far an edge's clock is from the centre's (issue 13), in words an admin can act on.

/** Below this the difference is network delay, not a wrong clock. */
export const SKEW_IN_SYNC_MS = 2_000;
/** Beyond this the admin is asked to fix the edge's time service. */
export const SKEW_WARN_MS = 60_000;

export type SkewView =
	{ kind: 'unknown' } | { kind: 'in_sync' } | { kind: 'ahead' | 'behind'; amount: string; warn: boolean };

/** "3 mnt 5 dtk" / "3 min 5 s", rounded to the second. */
export function skewView(ms: number | null, units: { minutes: string; seconds: string }): SkewView {
	if (ms === null) return { kind: 'unknown' };
	const abs = Math.abs(ms);
	if (abs < SKEW_IN_SYNC_MS) return { kind: 'in_sync' };
	const total = Math.round(abs / 1000);
	const minutes = Math.floor(total / 60);
	const seconds = total % 60;
	const amount = [
		minutes ? `${minutes} ${units.minutes}` : '',
		seconds || !minutes ? `${seconds} ${units.seconds}` : ''
	]
		.filter(Boolean)
		.join(' ');
	return { kind: ms > 0 ? 'ahead' : 'behind', amount, warn: abs > SKEW_WARN_MS };
}
