// Benchmark (DESIGN "Performance budgets": the TV display page ≤ 100 KB of JavaScript gzipped).
// After `npx vite build`, sums the gzipped size of every JavaScript file a browser loads for
// /display/[mpp]: SvelteKit's start and app entries, the route's layouts, page and error nodes
// (the client preloads error nodes too), and everything they import statically. Read from the
// client build manifest, so it counts exactly the files of this build. Not a test: run it with
//   npx vite build && npx tsx tests/bench/display-js-size.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROUTE = '/display/[mpp]';
const BUDGET_GZIP = 100 * 1024;
const output = '.svelte-kit/output';
const client = join(output, 'client');

interface Chunk {
	file: string;
	src?: string;
	isEntry?: boolean;
	imports?: string[];
}
const manifest = JSON.parse(readFileSync(join(client, '.vite/manifest.json'), 'utf8')) as Record<
	string,
	Chunk
>;

/** The route's node indexes from the server manifest: `page: { layouts: [0,4,], errors: [1,5,], leaf: 15 }`. */
function routeNodes(): number[] {
	const server = readFileSync(join(output, 'server/manifest.js'), 'utf8');
	const at = server.indexOf(`id: ${JSON.stringify(ROUTE)}`);
	const page = /page: \{ layouts: \[([^\]]*)\], errors: \[([^\]]*)\], leaf: (\d+) \}/.exec(server.slice(at));
	if (at < 0 || !page) throw new Error(`route ${ROUTE} not found in the server manifest: build first`);
	const list = (text: string) =>
		text
			.split(',')
			.filter((n) => n.trim() !== '')
			.map(Number);
	return [...list(page[1]), ...list(page[2]), Number(page[3])];
}

const entryKeys = Object.keys(manifest).filter(
	(key) => manifest[key].isEntry && /entry\/(start|app)\./.test(manifest[key].file)
);
const nodeKeys = routeNodes().map((n) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`);

const files = new Set<string>();
function visit(key: string) {
	const chunk = manifest[key];
	if (!chunk) throw new Error(`${key} is not in the client manifest`);
	if (files.has(chunk.file)) return;
	files.add(chunk.file);
	for (const imported of chunk.imports ?? []) visit(imported);
}
for (const key of [...entryKeys, ...nodeKeys]) visit(key);

let raw = 0;
let gzip = 0;
let brotli = 0;
const rows = [...files].map((file) => {
	const bytes = readFileSync(join(client, file));
	const sizes = {
		file,
		raw: bytes.length,
		gzip: gzipSync(bytes, { level: 9 }).length,
		brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
	};
	raw += sizes.raw;
	gzip += sizes.gzip;
	brotli += sizes.brotli;
	return sizes;
});

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
for (const row of rows.sort((a, b) => b.gzip - a.gzip)) {
	console.log(`${kb(row.gzip).padStart(9)} gz  ${kb(row.raw).padStart(9)} raw  ${row.file}`);
}
console.log(
	`\n${ROUTE}: ${files.size} JS files, ${kb(raw)} raw, ${kb(gzip)} gzip (level 9), ${kb(brotli)} brotli` +
		` — budget ${kb(BUDGET_GZIP)} gzip: ${gzip <= BUDGET_GZIP ? 'within' : 'OVER'}`
);
if (gzip > BUDGET_GZIP) process.exitCode = 1;
