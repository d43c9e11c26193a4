import { json } from '$lib/server/http';
import type { RequestHandler } from './$types';

/**
 * Alive: the process answers. No database query, so a database outage never makes an orchestrator
 * restart healthy nodes; whether this node should get traffic is /readyz.
 */
export const GET: RequestHandler = () => json({ status: 'ok' });
