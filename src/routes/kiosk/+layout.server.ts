import type { LayoutServerLoad } from './$types';

/** The language, also for the error page (unpaired screen, unknown MPP). */
export const load: LayoutServerLoad = ({ locals }) => ({ locale: locals.locale });
