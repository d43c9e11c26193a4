// A stand-in for Meta's Graph API on loopback (issue 12): records every request the WhatsApp sender
// makes and answers as the Cloud API does: a message id, or an error object for numbers told to fail.
import { createServer, type Server } from 'node:http';

export interface GraphRequest {
	method: string;
	path: string;
	authorization: string | undefined;
	contentType: string | undefined;
	body: unknown;
}

export interface GraphApi {
	url: string;
	requests: GraphRequest[];
	/** answer the Cloud API's error for messages to this number (digits, no plus) */
	fail(to: string, code: number): void;
	close(): Promise<void>;
}

export async function startGraphApi(): Promise<GraphApi> {
	const requests: GraphRequest[] = [];
	const failing = new Map<string, number>();
	const server: Server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			let body: unknown;
			try {
				body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
			} catch {
				body = null;
			}
			requests.push({
				method: request.method ?? '',
				path: request.url ?? '',
				authorization: request.headers.authorization,
				contentType: request.headers['content-type'],
				body
			});
			const to = (body as { to?: string } | null)?.to ?? '';
			const code = failing.get(to);
			response.writeHead(code ? 400 : 200, { 'content-type': 'application/json' });
			response.end(
				JSON.stringify(
					code
						? { error: { code, message: 'Re-engagement message', type: 'OAuthException' } }
						: {
								messaging_product: 'whatsapp',
								contacts: [{ input: to, wa_id: to }],
								messages: [{ id: `wamid.${requests.length}` }]
							}
				)
			);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		fail: (to, code) => void failing.set(to, code),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
