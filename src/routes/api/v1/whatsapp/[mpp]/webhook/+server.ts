import { getSql } from '$lib/server/db/client';
import { apiHandler, json, readRawText } from '$lib/server/http';
import { receiveWebhook, verifySubscription } from '$lib/server/notify/whatsapp-webhook';
import type { RequestHandler } from './$types';

/** Meta's set-up handshake for the MPP's webhook: the challenge as plain text, or 403. */
export const GET: RequestHandler = apiHandler(async ({ params, url }) => {
	const challenge = await verifySubscription(getSql(), params.mpp, url.searchParams);
	return new Response(challenge, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
});

/** Messages citizens sent the MPP's number: 200 once recorded, 401 unsigned, 400 malformed. */
export const POST: RequestHandler = apiHandler(async ({ params, request }) => {
	const raw = await readRawText(request, 64 * 1024);
	const recorded = await receiveWebhook(
		getSql(),
		params.mpp,
		raw,
		request.headers.get('x-hub-signature-256')
	);
	return json({ recorded });
});
