// May a kiosk issue a ticket for a service now? Citizens queue before the doors open (DOMAIN §4
// profile: ~8% of tickets in the first 15 minutes), so numbers are handed out from 30 minutes before
// the day's first opening; they stop `cutoff` minutes before the day's last closing so that nobody is
// given a number that cannot be served (the A154 protest, DOMAIN §5), and at the daily quota.
import { formatClock, parseClock, type LocalTime } from './local-day';
import { weekdays, type OpeningHours, type Weekday } from './types';

export const earlyIssueMinutes = 30;

export type IssueRefusalCode = 'service_closed' | 'not_open_yet' | 'cutoff' | 'quota_reached';

export interface IssueRefusal {
	code: IssueRefusalCode;
	/** plain Indonesian for the kiosk screen */
	message: string;
	/** the local clock time ('HH:MM') the message names, so a screen can word it in any language */
	time?: string;
}

export interface IssueTimeInput {
	openingHours: OpeningHours;
	at: LocalTime;
	cutoffMinutes: number;
	/** appended to clock times in messages, e.g. WITA */
	zoneLabel?: string;
}

function periods(hours: OpeningHours, day: Weekday): [number, number][] {
	return (hours[day] ?? [])
		.map(([from, to]) => [parseClock(from), parseClock(to)] as [number, number])
		.filter(([from, to]) => to > from);
}

function nextDay(day: Weekday): Weekday {
	return weekdays[(weekdays.indexOf(day) + 1) % weekdays.length];
}

const aroundTheClock: OpeningHours = Object.fromEntries(
	weekdays.map((day) => [day, [['00:00', '24:00']]])
) as OpeningHours;

/**
 * The hours tickets are handed out by: the MPP's opening hours, or around the clock for an MPP that
 * issues at any hour (the demo's MPPs, issue 10 item 9; closed days do not apply to them either).
 * The kiosk's server menu, its client-side schedule and the engine all judge by this one rule.
 */
export function issueHours(mpp: { openingHours: OpeningHours; ticketsAnyHour?: boolean }): OpeningHours {
	return mpp.ticketsAnyHour ? aroundTheClock : mpp.openingHours;
}

/** Refusal for the time of day, or null when a ticket may be issued now. */
export function checkIssueTime({
	openingHours,
	at,
	cutoffMinutes,
	zoneLabel
}: IssueTimeInput): IssueRefusal | null {
	const today = periods(openingHours, at.weekday);
	const zone = zoneLabel ? ` ${zoneLabel}` : '';
	if (today.length === 0) return { code: 'service_closed', message: 'Layanan tutup hari ini.' };
	const firstOpen = Math.min(...today.map(([from]) => from));
	const lastClose = Math.max(...today.map(([, to]) => to));
	const issueFrom = firstOpen - earlyIssueMinutes;
	if (at.minutes < issueFrom) {
		return {
			code: 'not_open_yet',
			time: formatClock(issueFrom),
			message: `Nomor antrean belum dapat diambil. Pengambilan nomor dibuka pukul ${formatClock(issueFrom)}${zone}.`
		};
	}
	// Service that runs through midnight into the next day never closes, so no cut-off applies.
	const runsOn =
		lastClose === 24 * 60 && periods(openingHours, nextDay(at.weekday)).some(([from]) => from === 0);
	const issueUntil = lastClose - cutoffMinutes;
	if (!runsOn && at.minutes >= issueUntil) {
		return {
			code: 'cutoff',
			time: formatClock(Math.max(0, issueUntil)),
			message:
				`Pengambilan nomor antrean hari ini sudah ditutup pukul ${formatClock(Math.max(0, issueUntil))}${zone}, ` +
				`${cutoffMinutes} menit sebelum layanan tutup. Silakan datang kembali pada hari kerja berikutnya.`
		};
	}
	return null;
}

/**
 * Refusal when the ticket that would get daily number `seq` exceeds the quota. Checked against the
 * number the daily counter hands out under its row lock, so concurrent kiosks can never overshoot.
 */
export function checkQuota(seq: number, dailyQuota: number | null): IssueRefusal | null {
	if (dailyQuota === null || seq <= dailyQuota) return null;
	return {
		code: 'quota_reached',
		message: `Kuota antrean layanan ini hari ini (${dailyQuota} nomor) sudah habis. Silakan datang kembali besok.`
	};
}
