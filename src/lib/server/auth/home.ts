// Where a person lands after signing in: a safe `redirectTo`, else the home of their role.
import type { Role } from '../../domain/types';
import type { Db } from '../db/client';
import { findMppById } from '../db/mpps';
import type { SessionUser } from './actor';

/** The start page of a role; MPP managers need their MPP's slug. */
export function homePath(role: Role, mppSlug: string | null): string {
	switch (role) {
		case 'operator':
			return '/counter';
		case 'mpp_admin':
		case 'supervisor':
			return mppSlug ? `/manage/${mppSlug}` : '/';
		case 'ministry':
			return '/ministry';
		case 'superadmin':
			return '/admin';
	}
}

export async function homeFor(db: Db, user: SessionUser): Promise<string> {
	const mpp = user.mppId ? await findMppById(db, user.mppId) : undefined;
	return homePath(user.role, mpp?.slug ?? null);
}

/**
 * `target` when it is a path on this site, else null. `//evil.example` and `/\evil.example` are
 * other sites to a browser, so only a single leading '/' followed by a non-slash passes.
 */
export function safeRedirectPath(target: string | null | undefined): string | null {
	if (!target || target.length > 2000 || !target.startsWith('/')) return null;
	if (target.startsWith('//') || target.startsWith('/\\')) return null;
	// control characters (tabs and newlines are stripped by URL parsers) could smuggle in '//'
	if ([...target].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return null;
	const base = 'http://antrean.invalid';
	const url = new URL(target, base);
	if (url.origin !== base) return null;
	return url.pathname + url.search + url.hash;
}
