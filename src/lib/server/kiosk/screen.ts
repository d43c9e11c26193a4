// Who may use the kiosk screen of an MPP: its paired kiosk device, or its signed-in staff as a
// preview (their tickets are real: a greeter may issue one for a citizen). Checked by the page load
// and again by the issue action, which SvelteKit runs without the load.
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import type { Mpp } from '../db/mpps';
import { claimDeviceToken } from '../devices/pairing';
import { screenAccess } from '../devices/screen-access';
import { forbidden } from '../errors';
import { requireMppBySlug } from '../mpps';

export interface KioskScreen {
	mpp: Mpp;
	access: 'device' | 'preview';
}

export async function requireKioskScreen(db: Db, slug: string, actor: Actor): Promise<KioskScreen> {
	const mpp = await requireMppBySlug(db, slug);
	const access = screenAccess(actor, mpp.id, 'kiosk');
	if (access === 'denied') throw forbidden('Layar kios ini belum dipasangkan (kiosk not paired).');
	return { mpp, access };
}

/** Checks a pairing link's token for this MPP's kiosk; the caller keeps it in the device cookie. */
export async function pairKiosk(db: Db, slug: string, token: string): Promise<void> {
	const mpp = await requireMppBySlug(db, slug);
	await claimDeviceToken(db, token, { mppId: mpp.id, kind: 'kiosk' });
}

/** Printer paper and automatic printing, set once in the kiosk's start URL (?paper=58&print=0). */
export const kioskOptionsSchema = z.object({
	paper: z.enum(['58', '80']).catch('80'),
	print: z.enum(['0', '1']).catch('1')
});

export interface KioskOptions {
	paper: 58 | 80;
	autoPrint: boolean;
}

/** From the query string or the issue form's hidden fields; anything unexpected means the default. */
export function kioskOptions(source: { get(name: string): unknown }): KioskOptions {
	const options = kioskOptionsSchema.parse({ paper: source.get('paper'), print: source.get('print') });
	return { paper: options.paper === '58' ? 58 : 80, autoPrint: options.print === '1' };
}

/** The query string that keeps non-default options across the kiosk's pages ('' or '?paper=58…'). */
export function kioskOptionsQuery(options: KioskOptions): string {
	const query = new URLSearchParams();
	if (options.paper !== 80) query.set('paper', String(options.paper));
	if (!options.autoPrint) query.set('print', '0');
	const text = query.toString();
	return text ? `?${text}` : '';
}
