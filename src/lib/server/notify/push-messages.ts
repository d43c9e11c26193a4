// The words of each message ("3 orang lagi di depan Anda", "Dipanggil: silakan ke Loket 3"), from the
// message catalogue in the locale the page subscribed with (WhatsApp: Bahasa Indonesia).
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
