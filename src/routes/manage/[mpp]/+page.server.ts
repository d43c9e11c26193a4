import { getSql } from '$lib/server/db/client';
import type { PageServerLoad } from './$types';
import { liveDashboard } from './live.server';

// The layout has already checked who may see this MPP: its answer is awaited before any data is read.
export const load: PageServerLoad = async ({ parent }) => {
	const { mpp } = await parent();
	return liveDashboard(getSql(), mpp);
};
