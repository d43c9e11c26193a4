// Where the e2e run keeps its local push service's certificate (no test imports: the config reads it).
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The certificate of the e2e run's local push service: made by playwright.config.ts before the
 * server starts, which trusts it (NODE_EXTRA_CA_CERTS); a spec starts the service itself with it.
 */
export const e2ePushCertificate = (port = Number(process.env.E2E_PORT)) => {
	const dir = join(tmpdir(), `antrean-e2e-push-${port}`);
	return { dir, keyFile: join(dir, 'key.pem'), caFile: join(dir, 'cert.pem') };
};
