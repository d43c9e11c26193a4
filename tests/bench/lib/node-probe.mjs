// Test-only: preloaded into a benchmark's node with NODE_OPTIONS=--import, so the server itself
// exposes nothing. Both parts are off unless the benchmark sets their variable.
// - ANTREAN_BENCH_MEMORY_FILE: on SIGUSR2, writes process.memoryUsage() before and after a full GC
//   there (RSS can be read from /proc from outside, the V8 heap cannot).
// - ANTREAN_BENCH_CPU_PROFILE: a V8 CPU profile of the whole run, written there on SIGTERM or SIGINT
//   (`--cpu-prof` is not allowed in NODE_OPTIONS). Open it in Chrome DevTools or speedscope.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const memoryFile = process.env.ANTREAN_BENCH_MEMORY_FILE;
if (memoryFile) {
	setFlagsFromString('--expose-gc');
	const gc = runInNewContext('gc');
	process.on('SIGUSR2', () => {
		const before = process.memoryUsage();
		gc();
		writeFileSync(memoryFile, JSON.stringify({ before, after: process.memoryUsage() }));
	});
}

const profileFile = process.env.ANTREAN_BENCH_CPU_PROFILE;
if (profileFile) {
	const session = new Session();
	session.connect();
	session.post('Profiler.enable');
	session.post('Profiler.setSamplingInterval', { interval: 1000 });
	session.post('Profiler.start');
	// before the server's own handlers: SIGTERM drains and then ends the process, SIGINT (how the
	// test helper stops a node) ends it at once; an in-thread session answers synchronously
	const write = () =>
		session.post('Profiler.stop', (error, result) => {
			if (!error) writeFileSync(profileFile, JSON.stringify(result.profile));
		});
	process.prependOnceListener('SIGTERM', write);
	process.prependOnceListener('SIGINT', write);
}
