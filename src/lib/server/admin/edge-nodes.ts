// Edge tokens (issue 13, step 1): the MPP's admin creates one per edge server and sees it once, as
// a paired device's token is never shown again; revoking it refuses the edge at once (401).
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { generateToken, hashToken } from '../auth/tokens';
import type { Sql } from '../db/client';
import {
	insertEdgeNode,
	listEdgeNodes,
	lockEdgeNode,
	revokeEdgeNodeRow,
	type EdgeNodeRow
} from '../db/edge-nodes';
import { notFound } from '../errors';
import { requireMppAdmin } from './access';
import { audit } from './audit';
import { parseInput, text } from './input';
import { save, type Saved } from './live';

export async function listEdgeNodesForAdmin(sql: Sql, actor: Actor, mppId: string): Promise<EdgeNodeRow[]> {
	requireMppAdmin(actor, mppId);
	return listEdgeNodes(sql, mppId);
}

/** The new edge and its token, which only this answer ever carries. */
export async function createEdgeNode(
	sql: Sql,
	actor: Actor,
	mppId: string,
	input: unknown
): Promise<Saved<{ node: EdgeNodeRow; token: string }>> {
	const user = requireMppAdmin(actor, mppId);
	const data = parseInput(z.object({ name: text(100) }), input);
	const token = generateToken();
	return save(sql, async ({ tx }) => {
		const node = await insertEdgeNode(tx, {
			mppId,
			name: data.name,
			tokenHash: hashToken(token),
			createdBy: user.id
		});
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'edge_node',
			entityId: node.id,
			entityName: node.name,
			action: 'created',
			changes: { name: [null, node.name] }
		});
		return { node, token };
	});
}

export async function revokeEdgeNode(
	sql: Sql,
	actor: Actor,
	mppId: string,
	edgeNodeId: string
): Promise<Saved<boolean>> {
	const user = requireMppAdmin(actor, mppId);
	return save(sql, async ({ tx }) => {
		const node = z.uuid().safeParse(edgeNodeId).success ? await lockEdgeNode(tx, edgeNodeId) : undefined;
		if (!node || node.mppId !== mppId)
			throw notFound('Node edge tidak ditemukan (edge node not found).', 'edge_node_not_found');
		if (node.revokedAt) return false;
		await revokeEdgeNodeRow(tx, node.id);
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'edge_node',
			entityId: node.id,
			entityName: node.name,
			action: 'revoked',
			changes: {}
		});
		return true;
	});
}
