import type { LayoutServerLoad } from './$types';

/** The language, also for the friendly not-found page of an unknown code. */
export const load: LayoutServerLoad = ({ locals }) => ({ locale: locals.locale });
