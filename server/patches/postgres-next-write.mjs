// Run by `npm install` / `npm ci` (package.json "postinstall"). postgres.js 3.4 buffers a small write
// for a setImmediate; when the connection closes around it (a database restart under load) the
// immediate writes to a socket that is gone and throws outside any promise, which ends the whole
// node (porsager/postgres#1154, #1208; seen in our fault-database-restart test). Until a fixed 3.4
// release exists, the installed driver gets the guard its open pull requests propose: a write with no
// socket is dropped (closed() has already failed the queries it belonged to), and closing forgets the
// buffered bytes and the scheduled write, so a reconnected connection starts clean.
// Idempotent; a driver whose code differs is left alone and reported (the fault test would then fail).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MARK = '/* antrean: guarded nextWrite */';
const root = fileURLToPath(new URL('../../node_modules/postgres/', import.meta.url));
const edits = [
	[
		'  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
		`  function nextWrite(fn) { ${MARK}\n    if (!socket) {\n      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n      chunk = nextWriteTimer = null\n      return false\n    }\n    const x = socket.write(chunk, fn)`
	]
];
const teardown = '    clearImmediate(nextWriteTimer)\n';
const teardownFixed = '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n';

let failed = false;
for (const file of ['src/connection.js', 'cjs/src/connection.js']) {
	const path = root + file;
	if (!existsSync(path)) continue;
	let text = readFileSync(path, 'utf8');
	if (text.includes(MARK)) continue;
	let ok = true;
	for (const [from, to] of edits) {
		if (!text.includes(from)) ok = false;
		else text = text.replace(from, to);
	}
	if (!ok || !text.includes(teardown)) {
		console.warn(`postgres.js: ${file} is not the 3.4 code this guard expects; left unpatched`);
		failed = true;
		continue;
	}
	text = text.split(teardown).join(teardownFixed);
	writeFileSync(path, text);
}
if (!failed) console.log('postgres.js: closed-socket write guard in place');
