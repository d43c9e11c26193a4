// Runs the booking no-show sweep (booking/no-show.ts) once a minute on one node of the cluster, like
// the day-end sweep (day-end.ts). A no-show is due 15 minutes and more after a slot ended, so a minute
// late is soon enough.
import { startBeat } from '../bus/beat';
import { sweepNoShows } from '../booking/no-show';
import { getSql } from '../db/client';

export function startBookingSweep(everyMs = 60_000): void {
	startBeat({ name: 'booking-no-show', everyMs, run: async () => void (await sweepNoShows(getSql())) });
}
