import { getSql } from '$lib/server/db/client';
import { apiHandler, json, readJson } from '$lib/server/http';
import { answerSurvey, surveyStatus } from '$lib/server/survey/answer';
import { surveyBodySchema } from '$lib/server/survey/schema';
import { lookUpTrackCode } from '$lib/server/throttle/guesses';
import type { RequestHandler } from './$types';

/** Whether this ticket's survey was answered, for the tracking page. */
export const GET: RequestHandler = apiHandler(async ({ params, getClientAddress }) =>
	json(await lookUpTrackCode(getSql(), getClientAddress(), () => surveyStatus(getSql(), params.trackCode)))
);

/** The citizen's answer (DOMAIN §1): 201 once; 409 when answered already or not served (yet). */
export const POST: RequestHandler = apiHandler(async ({ params, request, locals, getClientAddress }) => {
	const body = await readJson(request, surveyBodySchema);
	// an unknown code counts against the client (guessing): 429 with Retry-After past the limit
	const survey = await lookUpTrackCode(getSql(), getClientAddress(), () =>
		answerSurvey(getSql(), { trackCode: params.trackCode, body, actor: locals.actor })
	);
	return json({ survey }, 201);
});
