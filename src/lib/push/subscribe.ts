// Web Push for a ticket or a booking (issue 12): after the citizen allowed notifications, the page
// registers the push service worker, subscribes with the server's public VAPID key and hands the
// subscription to the server, which then tells this browser when the turn nears and when it is
// called (a booking: first a reminder before its window), even with the page closed.

const WORKER = '/push-sw.js';
/** What to follow: a ticket by its track code, or a booking by its code. */
export type PushSubject = { trackCode: string } | { bookingCode: string };

const remembered = (subject: PushSubject) =>
	'trackCode' in subject
		? `antrean-push-${subject.trackCode}`
		: `antrean-push-booking-${subject.bookingCode}`;
const apiPath = (subject: PushSubject) =>
	'trackCode' in subject
		? `/api/v1/tickets/${encodeURIComponent(subject.trackCode)}/push`
		: `/api/v1/bookings/${encodeURIComponent(subject.bookingCode)}/push`;

export function pushSupported(): boolean {
	return (
		typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof PushManager !== 'undefined'
	);
}

/** This browser already subscribed for this ticket or booking (remembered on the device). */
export function pushSubscribed(subject: PushSubject): boolean {
	try {
		return localStorage.getItem(remembered(subject)) === '1';
	} catch {
		return false;
	}
}

export async function subscribeToPush(
	subject: PushSubject,
	publicKey: string,
	locale: string
): Promise<boolean> {
	try {
		const registration = await navigator.serviceWorker.register(WORKER);
		await navigator.serviceWorker.ready;
		const key = fromBase64url(publicKey);
		let subscription = await registration.pushManager.getSubscription();
		// a subscription made with another key (the server's keys changed) cannot be reused
		if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
			await subscription.unsubscribe();
			subscription = null;
		}
		subscription ??= await registration.pushManager.subscribe({
			userVisibleOnly: true,
			applicationServerKey: key
		});
		const response = await fetch(apiPath(subject), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...subscription.toJSON(), locale })
		});
		if (!response.ok) return false;
		try {
			localStorage.setItem(remembered(subject), '1');
		} catch {
			// private mode: the button shows again next time, which is harmless
		}
		return true;
	} catch {
		return false;
	}
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
	const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
	const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
	return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function sameKey(existing: ArrayBuffer | null, key: Uint8Array): boolean {
	if (!existing) return false;
	const bytes = new Uint8Array(existing);
	return bytes.length === key.length && bytes.every((byte, i) => byte === key[i]);
}
