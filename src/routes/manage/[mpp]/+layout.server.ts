import { redirect } from '@sveltejs/kit';
import { getSql } from '$lib/server/db/client';
import { offlineEdgesOf } from '$lib/server/edge/link-status';
import type { LayoutServerLoad } from './$types';
import { openDashboard } from './dashboard.server';

/** Every tab of /manage/[mpp] (Live, History, Report) relies on this one check and its `mpp`. */
export const load: LayoutServerLoad = async ({ locals, params, url }) => {
	const { actor, locale } = locals;
	if (actor.kind === 'anonymous')
		redirect(303, `/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
	const mpp = await openDashboard(getSql(), actor, params.mpp, locale);
	// an MPP served by an edge: whether the centre sees it now (issue 13)
	return { locale, mpp, offlineEdges: await offlineEdgesOf(getSql(), mpp.id) };
};
