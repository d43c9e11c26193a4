// Invitation and reset links (issue 6 "People"). There is no mail server, so an admin's page shows the
// link once and the admin sends it; the person opens /invite/<token>, chooses a password and is signed
// in. Like sessions, only the SHA-256 of the token is stored; a link works once and expires.
import type { SessionUser } from '../auth/actor';
import { clearLoginDelays } from '../auth/login-throttle';
import { hashPassword } from '../auth/password';
import { createSession, type NewSession } from '../auth/session';
import { generateToken, hashToken } from '../auth/tokens';
import type { Sql, Tx } from '../db/client';
import { deleteSessionsOf, updatePersonRow } from '../db/people';
import {
	expireOpenLinksOf,
	findPasswordLink,
	insertPasswordLink,
	markLinkUsed,
	retireLinksOf,
	type LinkPurpose,
	type PasswordLinkRow
} from '../db/password-links';
import { AppError } from '../errors';
import { audit } from './audit';
import { parseInput } from './input';
import { save, type Saved } from './live';
import { chosenPassword, refuseGuessablePassword } from './people-schemas';

/** Three days: long enough for a weekend between the admin's message and the person's first look. */
export const LINK_HOURS = 72;
// our tokens are 32 characters; anything much longer is not worth hashing
const MAX_TOKEN_LENGTH = 256;

export interface IssuedLink {
	token: string;
	purpose: LinkPurpose;
	expiresAt: Date;
}

/** Inside a save: a new link for the person; their older open links stop working. */
export async function issueLink(
	tx: Tx,
	input: { userId: string; purpose: LinkPurpose; createdBy: string }
): Promise<IssuedLink> {
	const token = generateToken();
	const expiresAt = new Date(Date.now() + LINK_HOURS * 3600_000);
	await expireOpenLinksOf(tx, input.userId);
	await insertPasswordLink(tx, { id: hashToken(token), ...input, expiresAt });
	return { token, purpose: input.purpose, expiresAt };
}

export type LinkState =
	| { status: 'open'; purpose: LinkPurpose; name: string; email: string }
	| { status: 'expired' | 'used' | 'unknown' };

function stateOf(link: PasswordLinkRow | undefined, now = new Date()): LinkState {
	// a deactivated person's links are as good as unknown: nobody should learn more about the account
	if (!link || !link.user.active) return { status: 'unknown' };
	if (link.usedAt) return { status: 'used' };
	if (link.expiresAt <= now) return { status: 'expired' };
	return { status: 'open', purpose: link.purpose, name: link.user.name, email: link.user.email };
}

/** What /invite/<token> shows: the form for an open link, else why it no longer works. */
export async function openLink(sql: Sql, token: string): Promise<LinkState> {
	if (!token || token.length > MAX_TOKEN_LENGTH) return { status: 'unknown' };
	return stateOf(await findPasswordLink(sql, hashToken(token)));
}

/** A link that no longer works, refused with its state so the page can say which. */
export class ClosedLink extends AppError {
	constructor(readonly state: 'expired' | 'used' | 'unknown') {
		super(state === 'unknown' ? 404 : 409, `link_${state}`, `Tautan ${state} (link ${state}).`);
		this.name = 'ClosedLink';
	}
}

export interface Accepted {
	session: NewSession;
	user: SessionUser;
}

/** What costs CPU in acceptLink; a test may pass its own to see what ran. */
export interface PasswordWork {
	refuseGuessable(password: string, personal: string[]): Promise<void>;
	hash(password: string): Promise<string>;
}

const realWork: PasswordWork = { refuseGuessable: refuseGuessablePassword, hash: hashPassword };

/**
 * The person chooses a password: it replaces any other, every older session ends (a reset is often
 * about a stolen one), login delays are lifted, and a new session signs them in.
 *
 * The order matters: this door is anonymous, so the link is looked up first and an unknown, used or
 * expired link is refused before any password work (scoring and argon2 cost real CPU); the link is
 * locked and checked again inside the transaction, in case it was used meanwhile.
 */
export async function acceptLink(
	sql: Sql,
	token: string,
	input: unknown,
	work: PasswordWork = realWork
): Promise<Saved<Accepted>> {
	const state = await openLink(sql, token);
	if (state.status !== 'open') throw new ClosedLink(state.status);
	const data = parseInput(chosenPassword, input);
	await work.refuseGuessable(data.password, [state.email, state.name]);
	const passwordHash = await work.hash(data.password);
	return save(sql, async ({ tx, disconnectSessions }) => {
		const link = await findPasswordLink(tx, hashToken(token), true);
		const state = stateOf(link);
		if (state.status !== 'open' || !link)
			throw new ClosedLink(state.status === 'open' ? 'unknown' : state.status);
		await updatePersonRow(tx, link.userId, { password_hash: passwordHash });
		await markLinkUsed(tx, link.id);
		await retireLinksOf(tx, link.userId);
		await clearLoginDelays(tx, link.user.email);
		disconnectSessions(await deleteSessionsOf(tx, link.userId));
		await audit(tx, {
			mppId: link.user.mppId,
			userId: link.userId,
			entity: 'user',
			entityId: link.userId,
			entityName: `${link.user.name} <${link.user.email}>`,
			action: 'updated',
			// the password itself is never recorded, only that the person set it from a link
			changes: { password: [link.purpose === 'invite' ? null : '•', '•'] }
		});
		const session = await createSession(tx, link.userId);
		const { email, name, role, mppId } = link.user;
		return { session, user: { id: link.userId, email, name, role, mppId } };
	});
}
