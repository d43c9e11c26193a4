// Bulk COPY ... FROM STDIN for the generators. Lines are joined into chunks of about 64 KiB before
// they reach the socket: one write per line (tens of thousands per MPP) cost more Node time than
// planning the tickets did, and kept PostgreSQL waiting for small CopyData messages.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from './client';

const CHUNK_CHARS = 64 * 1024;

/**
 * Streams rows (already in COPY text format, one line each, newline included) into `table`.
 * Returns how many lines it sent.
 */
export async function copyRows(
	sql: Db,
	table: string,
	columns: readonly string[],
	lines: Iterable<string> | AsyncIterable<string>
): Promise<number> {
	const counted = { lines: 0 };
	const writable = await sql`COPY ${sql(table)} (${sql(columns as string[])}) FROM STDIN`.writable();
	await pipeline(Readable.from(chunked(lines, counted), { objectMode: false }), writable);
	return counted.lines;
}

async function* chunked(
	lines: Iterable<string> | AsyncIterable<string>,
	counted: { lines: number }
): AsyncGenerator<string> {
	let chunk = '';
	for await (const line of lines) {
		counted.lines++;
		chunk += line;
		if (chunk.length >= CHUNK_CHARS) {
			yield chunk;
			chunk = '';
		}
	}
	if (chunk) yield chunk;
}
