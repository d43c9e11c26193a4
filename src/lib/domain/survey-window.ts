// How long a served citizen may still rate the service (DOMAIN §1, issue 10 item 4): the rest of the
// day of the finish and the whole next day, both in the MPP's own zone (DOMAIN §6), then it closes.
import { localDate } from './local-day';
import { addDays, zonedInstant } from './zoned-time';

/** The instant the survey of a ticket finished at `finishedAt` closes: local midnight after the next day. */
export function surveyClosesAt(finishedAt: Date, timeZone: string): Date {
	return new Date(zonedInstant(addDays(localDate(finishedAt, timeZone), 2), 0, timeZone));
}

export function surveyIsClosed(finishedAt: Date, timeZone: string, now: Date): boolean {
	return now.getTime() >= surveyClosesAt(finishedAt, timeZone).getTime();
}
