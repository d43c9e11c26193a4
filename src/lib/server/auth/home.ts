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
 * `target` when it is a path on this site, else null. `//evil.example` and `/\\evil.example` are
 * other sites to a browser, so only a single leading '/' followed by a non-slash passes, and that
 * is checked again AFTER normalisation: `/.//evil.example`, `/a/..//evil.example` and
 * `/%2e%2e//evil.example` all resolve to the path `//evil.example`, which a browser reads as a host.
 */
export function safeRedirectPath(target: string | null | undefined): string | null {
	if (typeof target !== 'string' || target.length > 2000 || !isSitePath(target)) return null;
	// control characters (tabs and newlines are stripped by URL parsers) could smuggle in '//'
	if ([...target].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return null;
	const base = 'http://antrean.invalid';
	let url: URL;
	try {
		url = new URL(target, base);
	} catch {
		return null;
	}
	if (url.origin !== base) return null;
	const path = url.pathname + url.search + url.hash;
	// the normalised path must still be a path of this site, and stay one when resolved again
	if (!isSitePath(path) || new URL(path, base).origin !== base) return null;
	return path;
}

/** One leading '/', then anything but another '/' or '\' (browsers treat '\' as '/'). */
function isSitePath(path: string): boolean {
	return path.startsWith('/') && path[1] !== '/' && path[1] !== '\\';
}
