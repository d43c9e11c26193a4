// `npm run demo -- --edge` (issue 13): MPP Jayapura is served by an edge, the way a Papuan MPP on a weak
// link would be. The centre gets a fresh edge token for it (the previous demo edge revoked), and the
// edge its own database on the same PostgreSQL server, kept between runs like the centre's.
import { generateToken, hashToken } from '../auth/tokens';
import type { Sql } from '../db/client';
import { insertEdgeNode } from '../db/edge-nodes';

export const DEMO_EDGE_MPP = 'jayapura';
export const DEMO_EDGE_NAME = 'Edge demo (server di aula)';
const EDGE_DATABASE = 'antrean_edge_jayapura';

export interface DemoEdge {
	mppId: string;
	slug: string;
	token: string;
	databaseUrl: string;
}

export async function prepareDemoEdge(sql: Sql, centralDatabaseUrl: string): Promise<DemoEdge> {
	const [mpp] = await sql<{ id: string; adminId: string | null }[]>`
		SELECT m.id, (SELECT u.id FROM users u WHERE u.mpp_id = m.id AND u.role = 'mpp_admin' LIMIT 1) AS "adminId"
		FROM mpps m WHERE m.slug = ${DEMO_EDGE_MPP}`;
	if (!mpp?.adminId) throw new Error(`--edge needs the demo MPP "${DEMO_EDGE_MPP}" and its admin`);
	const token = generateToken();
	await sql.begin(async (tx) => {
		await tx`UPDATE edge_nodes SET revoked_at = now() WHERE mpp_id = ${mpp.id} AND name = ${DEMO_EDGE_NAME} AND revoked_at IS NULL`;
		await insertEdgeNode(tx, {
			mppId: mpp.id,
			name: DEMO_EDGE_NAME,
			tokenHash: hashToken(token),
			createdBy: mpp.adminId!
		});
	});
	const [exists] = await sql`SELECT 1 FROM pg_database WHERE datname = ${EDGE_DATABASE}`;
	if (!exists) await sql.unsafe(`CREATE DATABASE ${EDGE_DATABASE}`);
	const url = new URL(centralDatabaseUrl);
	url.pathname = `/${EDGE_DATABASE}`;
	return { mppId: mpp.id, slug: DEMO_EDGE_MPP, token, databaseUrl: url.toString() };
}
