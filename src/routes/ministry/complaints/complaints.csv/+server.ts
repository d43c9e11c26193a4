import { complaintsCsv } from '$lib/server/complaints/complaint-figures';
import { csvDownload } from '$lib/server/csv-download';
import { loadComplaints } from '../query.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { query, figures } = await loadComplaints(event);
	return csvDownload(complaintsCsv(figures), `antrean-pengaduan-${query.from}_${query.to}.csv`);
};
