import { getSql } from '$lib/server/db/client';
import type { PageServerLoad } from './$types';
import { displayBoard, findDisplayMpp, pairIfLinked, requireDisplayAccess } from './screen.server';

// First paint from the database; the page then follows the MPP's display room over the socket.
export const load: PageServerLoad = async ({ params, url, locals, cookies }) => {
	const sql = getSql();
	const mpp = await findDisplayMpp(sql, params.mpp);
	await pairIfLinked(sql, mpp, url, cookies);
	const access = requireDisplayAccess(locals.actor, mpp, locals.revokedDevice);
	const { snapshot, filter } = await displayBoard(sql, mpp, url.searchParams);
	return { locale: locals.locale, access, snapshot, filter };
};
