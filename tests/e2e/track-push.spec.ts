// "Beri tahu saya" on the tracking page (issue 12): with notifications allowed, the page registers
// the push service worker under the site's CSP, subscribes with the server's VAPID key and the server
// accepts the subscription for the ticket; the page then says notifications are on, also after a
// reload. The browser's push service (FCM) is outside this machine's reach, so PushManager.subscribe
// alone is replaced by one that returns a subscription with real P-256 keys on an FCM endpoint.
import { expect, test } from '@playwright/test';
import { mppLogins } from '../../src/lib/server/demo/plan';
import { demoMpps } from '../../src/lib/server/demo/profile';
import { DEMO_PASSWORD } from './demo';

const mpp = demoMpps.find((m) => m.slug === 'jayapura')!;
const tenant = mpp.tenants.find((t) => t.code === 'PDAM')!;
const operator = mppLogins(mpp).find((l) => l.tenantName === tenant.name)!;

test('the notify button subscribes this browser to pushes for the ticket', async ({
	page,
	context,
	request
}) => {
	const session = await request.post('/api/v1/session', {
		data: { email: operator.email, password: DEMO_PASSWORD }
	});
	const staff = { authorization: `Bearer ${((await session.json()) as { token: string }).token}` };
	const { services } = (await (
		await request.get('/api/v1/mpps/jayapura/services', { headers: staff })
	).json()) as { services: { id: string; name: string }[] };
	const service = services.find((s) => s.name === tenant.services[0].name)!;
	const issued = await request.post('/api/v1/mpps/jayapura/tickets', {
		headers: staff,
		data: { serviceId: service.id }
	});
	const mine = (await issued.json()) as { id: string; trackCode: string };

	await context.grantPermissions(['notifications']);
	await page.addInitScript(() => {
		const toBase64url = (bytes: ArrayBuffer) =>
			btoa(String.fromCharCode(...new Uint8Array(bytes)))
				.replace(/\+/g, '-')
				.replace(/\//g, '_')
				.replace(/=+$/, '');
		let subscription: PushSubscription | null = null;
		PushManager.prototype.getSubscription = async () => subscription;
		PushManager.prototype.subscribe = async function (options) {
			const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
				'deriveBits'
			]);
			const p256dh = toBase64url(await crypto.subtle.exportKey('raw', pair.publicKey));
			const auth = toBase64url(crypto.getRandomValues(new Uint8Array(16)).buffer);
			const endpoint = `https://fcm.googleapis.com/fcm/send/e2e-${crypto.randomUUID()}`;
			subscription = {
				endpoint,
				expirationTime: null,
				options: { applicationServerKey: options?.applicationServerKey, userVisibleOnly: true },
				toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh, auth } }),
				unsubscribe: async () => true
			} as unknown as PushSubscription;
			return subscription;
		};
	});
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});

	await page.goto(`/t/${mine.trackCode}`);
	const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/tickets/${mine.trackCode}/push`));
	await page.getByRole('button', { name: 'Beri tahu saya saat dipanggil' }).click();
	expect((await answer).status()).toBe(201);
	await expect(
		page.getByText(/Pemberitahuan aktif: Anda diberi tahu saat giliran hampir tiba/)
	).toBeVisible();
	const worker = await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		return registration?.active?.scriptURL ?? null;
	});
	expect(worker).toMatch(/\/push-sw\.js$/);
	expect(violations).toEqual([]);

	await page.reload();
	await expect(
		page.getByText(/Pemberitahuan aktif: Anda diberi tahu saat giliran hampir tiba/)
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Beri tahu saya saat dipanggil' })).toHaveCount(0);
	// the e2e database is shared: a ticket left waiting would be called by another spec's call-next
	expect((await request.post(`/api/v1/tickets/${mine.id}/cancel`, { headers: staff })).status()).toBe(200);
});
