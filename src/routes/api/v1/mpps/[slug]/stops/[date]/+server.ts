import { z } from 'zod';
import { requireMppAdmin } from '$lib/server/admin/access';
import { removeMobileStop, setMobileStop } from '$lib/server/admin/mobile-stops';
import { getSql } from '$lib/server/db/client';
import { apiHandler, json, readJson } from '$lib/server/http';
import { requireMppBySlug } from '$lib/server/mpps';
import type { RequestHandler } from './$types';

/** Where the mobile unit stands on that MPP-local date: `{place}`. */
export const PUT: RequestHandler = apiHandler(async ({ locals, params, request }) => {
	const mpp = await requireMppBySlug(getSql(), params.slug);
	// role and MPP before the body
	requireMppAdmin(locals.actor, mpp.id);
	const input = await readJson(request, z.looseObject({}));
	const saved = await setMobileStop(getSql(), locals.actor, mpp.id, { ...input, date: params.date });
	return json({ stop: saved.value });
});

export const DELETE: RequestHandler = apiHandler(async ({ locals, params }) => {
	const mpp = await requireMppBySlug(getSql(), params.slug);
	const saved = await removeMobileStop(getSql(), locals.actor, mpp.id, params.date);
	return json({ removed: saved.value });
});
