// One interface for every way Antrean tells a citizen something outside the page (issue 12): Web Push
// to a browser, WhatsApp to a phone. The sweep that decides what to send does not know the channel.

/** What a citizen is told: a short title and body, and how long it is worth delivering. */
export interface Notification {
	title: string;
	body: string;
	/** the page the notification opens (the tracking page) */
	url: string;
	/** groups notifications of one ticket on the device, so a newer one replaces the older */
	tag: string;
	/** seconds the push service may hold it for an offline device; a stale call only confuses */
	ttlSeconds: number;
	urgency: 'high' | 'normal';
}

export type SendResult =
	| { ok: true }
	/** `gone`: the address no longer exists (404/410): forget it. Otherwise it may work later. */
	| { ok: false; gone: boolean; status: number | null; detail: string };

export interface Notifier<Target> {
	readonly channel: 'web-push' | 'whatsapp';
	send(target: Target, notification: Notification): Promise<SendResult>;
}
