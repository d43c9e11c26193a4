// The words of each message ("3 orang lagi di depan Anda", "Dipanggil: silakan ke Loket 3"), from the
// message catalogue in the locale the page subscribed with (WhatsApp: Bahasa Indonesia).
import { formatClock, localTime, zoneLabel } from '$lib/domain/local-day';
import { t, type Locale } from '$lib/i18n';
import type { Notification } from './notifier';

/** What a due message says, whichever channel carries it. */
export interface DueMessage {
	/** 'linked' (WhatsApp only): the answer to the citizen's first message */
	kind: 'linked' | 'near' | 'called';
	trackCode: string;
	number: string;
	ahead: number | null;
	counterName: string | null;
	locale?: Locale;
}

/** A call is worth delivering for two minutes (TTL): later the citizen missed it or is already there. */
export const CALLED_TTL_SECONDS = 120;
/** "Your turn is near" stays useful a little longer, until the call itself. */
export const NEAR_TTL_SECONDS = 600;

export function pushNotification(due: DueMessage): Notification {
	const locale: Locale = due.locale ?? 'id';
	const url = `/t/${due.trackCode}`;
	const tag = `antrean-${due.trackCode}`;
	if (due.kind === 'called') {
		return {
			title: t(locale, 'track.push.called.title', { number: due.number }),
			body: t(locale, 'track.push.called.body', { counter: due.counterName ?? '' }),
			url,
			tag,
			ttlSeconds: CALLED_TTL_SECONDS,
			urgency: 'high'
		};
	}
	if (due.kind === 'linked') {
		return {
			title: t(locale, 'track.whatsapp.linked.title', { number: due.number }),
			body: t(locale, 'track.whatsapp.linked.body'),
			url,
			tag,
			ttlSeconds: NEAR_TTL_SECONDS,
			urgency: 'normal'
		};
	}
	const ahead = due.ahead ?? 0;
	return {
		title: t(locale, 'track.push.near.title', { number: due.number }),
		body:
			ahead === 0 ? t(locale, 'track.push.next.body') : t(locale, 'track.push.near.body', { count: ahead }),
		url,
		tag,
		ttlSeconds: NEAR_TTL_SECONDS,
		urgency: 'high'
	};
}

/** A booking's reminder is worth delivering until its check-in window closes, an hour at most. */
export const REMINDER_TTL_SECONDS = 3600;

export interface DueReminderMessage {
	code: string;
	slug: string;
	mppName: string;
	timezone: string;
	slotStart: Date;
	checkinBeforeMinutes: number;
	locale?: Locale;
}

/** "Pengingat: MPP Kota Denpasar pukul 10:15 WITA, check-in mulai 09:45 WITA." */
export function reminderNotification(due: DueReminderMessage): Notification {
	const locale: Locale = due.locale ?? 'id';
	const clock = (at: Date) => formatClock(localTime(at, due.timezone).minutes);
	const from = new Date(due.slotStart.getTime() - due.checkinBeforeMinutes * 60_000);
	return {
		title: t(locale, 'book.push.reminder.title', { mpp: due.mppName }),
		body: t(locale, 'book.push.reminder.body', {
			time: clock(due.slotStart),
			from: clock(from),
			zone: zoneLabel(due.timezone),
			code: due.code
		}),
		url: `/book/${due.slug}/${due.code}`,
		tag: `antrean-booking-${due.code}`,
		ttlSeconds: REMINDER_TTL_SECONDS,
		urgency: 'normal'
	};
}
