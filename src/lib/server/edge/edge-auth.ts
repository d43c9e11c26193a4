// Every edge endpoint at the centre starts here (issue 13): the edge sends its token as
// `Authorization: Bearer <token>`; an unknown or revoked token is refused with 401, so a stolen or
// retired edge can neither read the MPP's configuration nor write its data.
import { hashToken } from '../auth/tokens';
import type { Db } from '../db/client';
import { findActiveEdgeNodeByTokenHash, touchEdgeNode, type EdgeNodeRow } from '../db/edge-nodes';
import { unauthorized } from '../errors';

const REFUSED = 'Token edge tidak dikenal atau sudah dicabut (unknown or revoked edge token).';

export async function requireEdgeNode(db: Db, request: Request): Promise<EdgeNodeRow> {
	const header = request.headers.get('authorization') ?? '';
	const match = /^Bearer ([a-z2-7]{1,256})$/.exec(header);
	const node = match ? await findActiveEdgeNodeByTokenHash(db, hashToken(match[1])) : undefined;
	if (!node) throw unauthorized(REFUSED);
	await touchEdgeNode(db, node.id, clockSkew(request));
	return node;
}

/** The edge stamps its own clock on each request (x-edge-time, ms); the difference is its skew. */
function clockSkew(request: Request): number | null {
	const sent = Number(request.headers.get('x-edge-time'));
	if (!Number.isFinite(sent) || sent <= 0) return null;
	const skew = Math.round(sent - Date.now());
	// beyond a day it is a broken header, not a clock
	return Math.abs(skew) <= 86_400_000 ? skew : null;
}
