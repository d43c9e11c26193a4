// Test-only: preloaded into a benchmark's node with NODE_OPTIONS=--import, so the server itself
// exposes nothing. On SIGUSR2 it writes process.memoryUsage() before and after a full GC to
// ANTREAN_BENCH_MEMORY_FILE: RSS can be read from /proc from outside, the V8 heap cannot.
import { writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const file = process.env.ANTREAN_BENCH_MEMORY_FILE;
if (file) {
	setFlagsFromString('--expose-gc');
	const gc = runInNewContext('gc');
	process.on('SIGUSR2', () => {
		const before = process.memoryUsage();
		gc();
		writeFileSync(file, JSON.stringify({ before, after: process.memoryUsage() }));
	});
}
