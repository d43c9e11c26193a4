// Runs the booking no-show sweep (booking/no-show.ts) once a minute on one node of the cluster, like
// the day-end sweep (day-end.ts). A no-show is due 15 minutes and more after a slot ended, so a minute
// late is soon enough. Once an hour it also deletes phone numbers past their retention.
import { startBeat } from '../bus/beat';
import { sweepNoShows } from '../booking/no-show';
import { forgetOldPhones } from '../booking/retention';
import { getSql } from '../db/client';

export function startBookingSweep(everyMs = 60_000): void {
	startBeat({ name: 'booking-no-show', everyMs, run: async () => void (await sweepNoShows(getSql())) });
	// phone numbers 30 days after the visit (booking/retention.ts); hourly is plenty
	startBeat({
		name: 'booking-phones',
		everyMs: 60 * everyMs,
		run: async () => void (await forgetOldPhones(getSql()))
	});
}
