import { requireMppAccess } from '$lib/server/access';
import { getSql } from '$lib/server/db/client';
import { apiHandler, json, readJson } from '$lib/server/http';
import { requireMppBySlug } from '$lib/server/mpps';
import { notifySettings, notifySettingsSchema, saveNotifySettings } from '$lib/server/notify/settings';
import type { RequestHandler } from './$types';

/** The MPP's notification settings (issue 12), without any credential. */
export const GET: RequestHandler = apiHandler(async ({ locals, params }) => {
	const mpp = await requireMppBySlug(getSql(), params.slug);
	requireMppAccess(locals.actor, mpp.id, { roles: ['mpp_admin'] });
	return json(await notifySettings(getSql(), mpp.id));
});

/** Replaces them: threshold, phone retention, WhatsApp number and (optional) Cloud API credentials. */
export const PUT: RequestHandler = apiHandler(async ({ locals, params, request }) => {
	const mpp = await requireMppBySlug(getSql(), params.slug);
	requireMppAccess(locals.actor, mpp.id, { roles: ['mpp_admin'] });
	const input = await readJson(request, notifySettingsSchema);
	return json(await saveNotifySettings(getSql(), mpp.id, input));
});
