import type { Actor } from '$lib/server/auth/actor';
import { openMppForAdmin } from '$lib/server/admin/mpps';
import { getSql } from '$lib/server/db/client';

/** The MPP of the URL, checked again in an action (an action does not run the layout's load). */
export async function mppIdOf(slug: string, actor: Actor): Promise<string> {
	return (await openMppForAdmin(getSql(), actor, slug)).id;
}

/** The access check of every /admin/[mpp] action (see `guarded`): its MPP's id for its admin. */
export const mppAdmin = ({ locals, params }: { locals: App.Locals; params: { mpp?: string } }) =>
	mppIdOf(params.mpp ?? '', locals.actor);
