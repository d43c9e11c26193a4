// Signing out: the session row goes, and with the same commit every node ends the sockets opened
// with it (issue 11: a socket may live on another node than the request that signs out).
import { sendDisconnect } from '../bus/send';
import type { Sql } from '../db/client';
import { invalidateSessionToken } from './session';
import { hashToken } from './tokens';

export async function signOut(sql: Sql, token: string): Promise<void> {
	await sql.begin(async (tx) => {
		await invalidateSessionToken(tx, token);
		await sendDisconnect(tx, { sessions: [hashToken(token)] });
	});
}
