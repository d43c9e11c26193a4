import type { LayoutServerLoad } from './$types';

/** The language, also for the translated "not paired" page. */
export const load: LayoutServerLoad = ({ locals }) => ({ locale: locals.locale });
