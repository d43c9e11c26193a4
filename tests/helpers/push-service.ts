// A browser push service on loopback for tests (issue 12): real HTTPS with a self-signed certificate
// (web-push only speaks https), which the app's nodes trust through NODE_EXTRA_CA_CERTS. It keeps
// every request and decrypts its body with the subscription's private key, as a browser would.
import { execFileSync } from 'node:child_process';
import { createECDH, randomBytes, type ECDH } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// http_ece comes with web-push (its encryption), untyped
const ece = createRequire(import.meta.url)('http_ece') as {
	decrypt(buffer: Buffer, params: { version: string; privateKey: ECDH; authSecret: string }): Buffer;
};

export interface ReceivedPush {
	/** the endpoint's path: one per subscription */
	path: string;
	headers: Record<string, string | string[] | undefined>;
	/** decrypted JSON: { title, body, url, tag } */
	message: { title: string; body: string; url: string; tag: string } | null;
}

export interface FakeSubscription {
	endpoint: string;
	keys: { p256dh: string; auth: string };
}

export interface PushService {
	origin: string;
	/** the PEM file the app's processes must trust (NODE_EXTRA_CA_CERTS) */
	caFile: string;
	received: ReceivedPush[];
	/** answer this status to requests on this path (e.g. 410: the browser unsubscribed) */
	answer(path: string, status: number): void;
	/** answer this status to the next request on this path only (a push service's bad moment) */
	answerOnce(path: string, status: number): void;
	subscription(path: string): FakeSubscription;
	close(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1 in `dir` (key.pem, cert.pem), made with openssl. */
export function makePushCertificate(dir: string): { keyFile: string; caFile: string } {
	const keyFile = join(dir, 'key.pem');
	const caFile = join(dir, 'cert.pem');
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'ec',
			'-pkeyopt',
			'ec_paramgen_curve:prime256v1',
			'-nodes',
			'-keyout',
			keyFile,
			'-out',
			caFile,
			'-days',
			'1',
			'-subj',
			'/CN=127.0.0.1',
			'-addext',
			'subjectAltName=IP:127.0.0.1'
		],
		{ stdio: 'ignore' }
	);
	return { keyFile, caFile };
}

/**
 * Starts the push service on a free port. `certificate` reuses one made earlier (the e2e server was
 * started trusting it, playwright.config.ts); without it a fresh one is made and removed on close.
 */
export async function startPushService(certificate?: {
	keyFile: string;
	caFile: string;
}): Promise<PushService> {
	const dir = certificate ? null : mkdtempSync(join(tmpdir(), 'antrean-push-'));
	const { keyFile, caFile } = certificate ?? makePushCertificate(dir!);
	const subscribers = new Map<string, { ecdh: ECDH; auth: string }>();
	const answers = new Map<string, number>();
	const once = new Map<string, number>();
	const received: ReceivedPush[] = [];
	const server: Server = createServer(
		{ key: readFileSync(keyFile), cert: readFileSync(caFile) },
		(request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				const path = request.url ?? '';
				const keys = subscribers.get(path);
				let message: ReceivedPush['message'] = null;
				try {
					if (keys) {
						const plain = ece.decrypt(Buffer.concat(chunks), {
							version: 'aes128gcm',
							privateKey: keys.ecdh,
							authSecret: keys.auth
						});
						message = JSON.parse(plain.toString('utf8'));
					}
				} catch {
					message = null;
				}
				received.push({ path, headers: request.headers, message });
				const status = once.get(path) ?? answers.get(path) ?? 201;
				once.delete(path);
				response.writeHead(status).end();
			});
		}
	);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	const origin = `https://127.0.0.1:${port}`;
	return {
		origin,
		caFile,
		received,
		answer: (path, status) => void answers.set(path, status),
		answerOnce: (path, status) => void once.set(path, status),
		subscription(path) {
			const ecdh = createECDH('prime256v1');
			const p256dh = ecdh.generateKeys().toString('base64url');
			const auth = randomBytes(16).toString('base64url');
			subscribers.set(path, { ecdh, auth });
			return { endpoint: `${origin}${path}`, keys: { p256dh, auth } };
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => {
					if (dir) rmSync(dir, { recursive: true, force: true });
					resolve();
				});
			})
	};
}
