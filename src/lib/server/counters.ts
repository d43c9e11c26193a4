// Looking up a counter named in a URL. Unknown ids and non-UUIDs are both a plain 404.
import type { Db } from './db/client';
import { findCounter, type Counter } from './db/counters';
import { notFound } from './errors';
import { isUuid } from './http';

export async function requireCounter(db: Db, id: string): Promise<Counter> {
	const counter = isUuid(id) ? await findCounter(db, id) : undefined;
	if (!counter || !counter.active)
		throw notFound('Loket tidak ditemukan (unknown counter).', 'counter_not_found');
	return counter;
}
