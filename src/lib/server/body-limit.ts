// The largest request body the server reads (issue 10 item 8). adapter-node refuses anything bigger
// with 413 before a route runs; server/index.ts sets this default when BODY_SIZE_LIMIT is unset, and
// the CSV import's own limit stays below it, so an allowed file is never cut off by the adapter.

/** The default of BODY_SIZE_LIMIT (adapter-node's own default, 512K, is below the CSV import's 1 MiB). */
export const DEFAULT_BODY_SIZE_LIMIT = '2M';

/** BODY_SIZE_LIMIT in bytes, parsed as adapter-node parses it ("512K", "2M", "1G", or bytes). */
export function bodySizeLimit(value = process.env.BODY_SIZE_LIMIT ?? DEFAULT_BODY_SIZE_LIMIT): number {
	const unit = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[value.slice(-1).toUpperCase()];
	return unit ? Number(value.slice(0, -1)) * unit : Number(value);
}

/** A CSV file the import accepts: 1 MiB, or less when BODY_SIZE_LIMIT leaves less room for the form. */
export function csvImportMaxBytes(limit = bodySizeLimit()): number {
	const formOverhead = 16 * 1024;
	return Math.max(0, Math.min(1024 * 1024, limit - formOverhead));
}
