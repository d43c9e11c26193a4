// The WhatsApp Cloud API sender (library whatsapp-api-js; never the unrelated npm package `whatsapp`).
// A free-form text is allowed only inside the 24-hour service window after the citizen wrote to the
// MPP; the sweep only hands this sender contacts whose window is open (db/whatsapp.ts).
import { WhatsAppAPI } from 'whatsapp-api-js';
import { BodyComponent, BodyParameter, Language, Template, Text } from 'whatsapp-api-js/messages';
import type { Notification, Notifier, SendResult } from './notifier';

/** Graph API version the requests are written for (pinned, as the library recommends). */
export const GRAPH_API_VERSION = 'v23.0';
const GRAPH = 'https://graph.facebook.com';

export interface WhatsAppCredentials {
	phoneNumberId: string;
	accessToken: string;
	appSecret: string;
}

export interface WhatsAppTarget {
	/** E.164 with the plus, as WhatsApp reported the citizen's number */
	phone: string;
}

/**
 * Requests go to `graphUrl` instead of graph.facebook.com when set (ANTREAN_WHATSAPP_GRAPH_URL: a
 * test's local stub, or an egress proxy), through the library's own `ponyfill.fetch` hook.
 */
export function whatsAppApi(
	credentials: WhatsAppCredentials,
	graphUrl = process.env.ANTREAN_WHATSAPP_GRAPH_URL
): WhatsAppAPI {
	const base = graphUrl?.replace(/\/+$/, '');
	return new WhatsAppAPI({
		token: credentials.accessToken,
		appSecret: credentials.appSecret,
		v: GRAPH_API_VERSION,
		ponyfill: {
			fetch: (url: string | URL | Request, init?: RequestInit) =>
				fetch(
					base && typeof url === 'string' && url.startsWith(GRAPH) ? base + url.slice(GRAPH.length) : url,
					{
						...init,
						signal: AbortSignal.timeout(10_000)
					}
				)
		}
	});
}

/** One message: the title on the first line, the body and the tracking link below. */
export function whatsAppText(notification: Notification, origin: string | undefined): string {
	const link = origin ? `\n${origin.replace(/\/+$/, '')}${notification.url}` : '';
	return `*${notification.title}*\n${notification.body}${link}`;
}

type GraphAnswer = { messages?: unknown[]; error?: { code?: number; message?: string } };

/**
 * Sends one message and reads the Cloud API's answer the same way for every kind of message: a
 * message id is success; 131026 (not a WhatsApp number) and 131047 (outside the service window) will
 * never work later.
 */
async function send(
	api: WhatsAppAPI,
	credentials: WhatsAppCredentials,
	phone: string,
	message: Text | Template
): Promise<SendResult> {
	try {
		const response = (await api.sendMessage(
			credentials.phoneNumberId,
			phone.replace(/^\+/, ''),
			message
		)) as unknown as GraphAnswer;
		if (response && Array.isArray(response.messages)) return { ok: true };
		const code = response?.error?.code ?? null;
		return {
			ok: false,
			gone: code === 131026 || code === 131047,
			status: code,
			detail: response?.error?.message ?? 'no message id in the answer'
		};
	} catch (error) {
		return { ok: false, gone: false, status: null, detail: (error as Error)?.message ?? String(error) };
	}
}

export function whatsAppNotifier(
	credentials: WhatsAppCredentials,
	options: { graphUrl?: string; origin?: string } = {}
): Notifier<WhatsAppTarget> {
	const api = whatsAppApi(credentials, options.graphUrl);
	return {
		channel: 'whatsapp',
		send: (target, notification) =>
			send(
				api,
				credentials,
				target.phone,
				new Text(whatsAppText(notification, options.origin ?? process.env.ORIGIN))
			)
	};
}

/**
 * Sends an approved template (a message the MPP starts, outside the citizen's service window: a
 * booking reminder). `parameters` fill the body's {{1}}, {{2}}, … in order.
 */
export function sendWhatsAppTemplate(
	credentials: WhatsAppCredentials,
	phone: string,
	template: { name: string; language: string; parameters: [string, ...string[]] },
	graphUrl?: string
): Promise<SendResult> {
	const [first, ...rest] = template.parameters.map((p) => new BodyParameter(p));
	const message = new Template(
		template.name,
		new Language(template.language),
		new BodyComponent(first, ...rest)
	);
	return send(whatsAppApi(credentials, graphUrl), credentials, phone, message);
}
