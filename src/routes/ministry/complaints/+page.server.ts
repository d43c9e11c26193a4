import type { PageServerLoad } from './$types';
import { loadComplaints } from './query.server';

/** /ministry/complaints: SP4N-LAPOR! link use and the survey's complaint element per MPP (issue 14). */
export const load: PageServerLoad = (event) => loadComplaints(event);
