// Looking up an MPP named in a URL. Unknown and malformed slugs are both a plain 404.
import type { Db } from './db/client';
import { findMppBySlug, type Mpp } from './db/mpps';
import { notFound } from './errors';

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export async function requireMppBySlug(db: Db, slug: string): Promise<Mpp> {
	const mpp = slugPattern.test(slug) && slug.length <= 60 ? await findMppBySlug(db, slug) : undefined;
	if (!mpp || !mpp.active)
		throw notFound(`MPP "${slug.slice(0, 60)}" tidak ditemukan (unknown MPP).`, 'mpp_not_found');
	return mpp;
}
