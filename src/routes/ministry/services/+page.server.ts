import { redirect } from '@sveltejs/kit';
import { requireMinistry } from '../access.server';
import type { PageServerLoad } from './$types';

/** /ministry/services lists nothing of its own: the standard services are the catalogue's. */
export const load: PageServerLoad = async (event) => {
	requireMinistry(event);
	redirect(303, '/ministry/catalogue');
};
