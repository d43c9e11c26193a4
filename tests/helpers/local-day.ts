// Tests run at any hour, so a test that plays a few minutes of a ticket's life on the real clock
// must not straddle the MPP's local midnight: a ticket of an ended day can no longer be called or
// finished (issue 10 item 5), and the test would fail in the minutes after midnight in WIB or WITA.
import { localTime } from '../../src/lib/domain/local-day';

/**
 * `at`, or a moment just after the MPP's local midnight when the `minutes` before `at` would reach
 * back into the previous local day: what a test does in [result − minutes, result] is on one day.
 */
export function withinOneLocalDay(at: Date, timezone: string, minutes: number): Date {
	const ofDay = localTime(at, timezone).minutes;
	return ofDay > minutes ? at : new Date(at.getTime() + (minutes + 1 - ofDay) * 60_000);
}
