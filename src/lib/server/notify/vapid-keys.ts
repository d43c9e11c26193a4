// The VAPID key pair every node signs pushes with (RFC 8292). From the environment when the operator
// set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY (keys managed outside), otherwise made once and kept in
// push_keys: a browser's subscription is bound to the public key it was made with, so all nodes and
// every restart must use the same pair.
import webpush from 'web-push';
import type { Db } from '../db/client';
import { insertPushKeys, readPushKeys } from '../db/push';

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
	/** a mailto: or https: contact for the push services (RFC 8292 §2.1) */
	subject: string;
}

let cached: VapidKeys | undefined;

/**
 * VAPID_SUBJECT, else the site's https ORIGIN: push services (Apple's among them) refuse a subject
 * that names no reachable contact, such as localhost.
 */
export function vapidSubject(): string {
	const subject = process.env.VAPID_SUBJECT;
	if (subject && /^(mailto:|https:\/\/)/.test(subject)) return subject;
	const origin = process.env.ORIGIN;
	return origin?.startsWith('https://') ? origin : 'mailto:antrean@antrean.invalid';
}

export async function vapidKeys(db: Db): Promise<VapidKeys> {
	if (cached) return cached;
	const publicKey = process.env.VAPID_PUBLIC_KEY;
	const privateKey = process.env.VAPID_PRIVATE_KEY;
	if (publicKey && privateKey) return (cached = { publicKey, privateKey, subject: vapidSubject() });
	let stored = await readPushKeys(db);
	if (!stored) {
		await insertPushKeys(db, webpush.generateVAPIDKeys());
		// another node may have stored its pair first: read whichever won
		stored = await readPushKeys(db);
	}
	if (!stored) throw new Error('push_keys has no row after insert');
	return (cached = { ...stored, subject: vapidSubject() });
}
