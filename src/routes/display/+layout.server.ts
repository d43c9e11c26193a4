import type { LayoutServerLoad } from './$types';

// The language reaches the error page too (not paired, unknown MPP), which has no page data.
export const load: LayoutServerLoad = ({ locals }) => ({ locale: locals.locale });
