// The production bundle (build/) that server/index.ts serves: `npm run demo` and `npm run cluster`
// build it when it is missing or older than its sources, so a fresh clone needs one command.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

// What `vite build` reads. server/ is not in it: server/index.ts runs from source under tsx.
const buildInputs = [
	'src',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'package.json',
	'package-lock.json'
];

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

export function buildIsStale(): boolean {
	const built = join(root, 'build', 'handler.js');
	if (!existsSync(built)) return true;
	const builtAt = statSync(built).mtimeMs;
	return buildInputs.some((input) => newestMtime(join(root, input)) > builtAt);
}

function build(): Promise<void> {
	console.log('Building the production bundle (npx vite build)…');
	return new Promise((resolveBuild, reject) => {
		const child = spawn('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
		child.once('error', reject);
		child.once('exit', (code) =>
			code === 0 ? resolveBuild() : reject(new Error(`vite build failed (exit ${code})`))
		);
	});
}

export async function ensureBuild(): Promise<void> {
	if (buildIsStale()) await build();
}
