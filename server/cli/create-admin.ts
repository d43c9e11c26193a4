// `npm run create-admin -- --email a@b.c --name "…"`: the first superadmin of a real deployment,
// or with --reset a new password for an existing user (ending their sessions).
// The password comes from --password, ANTREAN_ADMIN_PASSWORD, or a prompt without echo.
import { parseArgs } from 'node:util';
import {
	checkEmail,
	checkName,
	checkNewPassword,
	createSuperadmin,
	resetPassword
} from '../../src/lib/server/auth/admin';
import { createSql } from '../../src/lib/server/db/client';
import { isAppError } from '../../src/lib/server/errors';
import { migrate, startDatabase } from '../database';

const usage = `Usage:
  npm run create-admin -- --email <address> --name "<full name>" [--password <password>]
  npm run create-admin -- --reset --email <address> [--password <password>]

Creates a superadmin (or, with --reset, sets a new password for an existing user and signs them
out everywhere) in the database of DATABASE_URL, or in the embedded database under
ANTREAN_DATA_DIR (default ./.antrean) when DATABASE_URL is unset.

The password is read from --password, else ANTREAN_ADMIN_PASSWORD, else asked twice on the
terminal without echo. Prefer the prompt or the variable: --password is visible to other users
of this machine (ps, shell history).`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
	let args;
	try {
		args = parseArgs({
			args: argv,
			options: {
				email: { type: 'string' },
				name: { type: 'string' },
				password: { type: 'string' },
				reset: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false }
			},
			strict: true,
			allowPositionals: false
		}).values;
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	if (args.help) {
		console.log(usage);
		return 0;
	}
	if (!args.email) throw new UsageError('--email is required.');
	const email = checkEmail(args.email);
	if (!args.reset && args.name === undefined)
		throw new UsageError('--name is required to create a superadmin.');
	const name = args.reset ? '' : checkName(args.name ?? '');
	// an empty variable (ANTREAN_ADMIN_PASSWORD= in a .env) means unset, not an empty password
	const password = args.password ?? (process.env.ANTREAN_ADMIN_PASSWORD || (await askPassword()));
	// the CLI checks before starting a database; the service checks again with the account's own words
	await checkNewPassword(password, [email, name]);

	const database = await startDatabase();
	try {
		await migrate(database.url);
		const sql = createSql(database.url, 2);
		try {
			if (args.reset) {
				const { user, endedSessions } = await resetPassword(sql, { email, password });
				console.log(
					`New password set for ${user.email} (${user.role}${user.active ? '' : ', deactivated'}); ` +
						`${endedSessions} session(s) ended.`
				);
			} else {
				const user = await createSuperadmin(sql, { email, name, password });
				console.log(`Superadmin ${user.email} (${user.name}) created. Sign in at /login.`);
			}
		} finally {
			await sql.end({ timeout: 5 });
		}
	} finally {
		await database.stop();
	}
	return 0;
}

async function askPassword(): Promise<string> {
	if (!process.stdin.isTTY) {
		throw new UsageError('No password given: use --password, ANTREAN_ADMIN_PASSWORD, or run in a terminal.');
	}
	const first = await promptHidden('Password: ');
	await checkNewPassword(first);
	const second = await promptHidden('Password again: ');
	if (first !== second) throw new UsageError('The two passwords differ.');
	return first;
}

/** Reads one line from the terminal in raw mode, echoing nothing. */
function promptHidden(question: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const stdin = process.stdin;
		let value = '';
		const finish = () => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			process.stdout.write('\n');
		};
		const onData = (chunk: string) => {
			for (const char of chunk) {
				if (char === '\r' || char === '\n' || char === '\u0004') {
					finish();
					return resolve(value);
				}
				if (char === '\u0003') {
					finish();
					return reject(new UsageError('Cancelled.'));
				}
				if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
				else if (char >= ' ') value += char;
			}
		};
		// raw mode (no echo) before the question, so nothing typed after it is ever echoed
		stdin.setEncoding('utf8');
		stdin.setRawMode(true);
		stdin.resume();
		stdin.on('data', onData);
		process.stdout.write(question);
	});
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: unknown) => {
		if (error instanceof UsageError) console.error(`create-admin: ${error.message}\n\n${usage}`);
		else if (isAppError(error)) console.error(`create-admin: ${error.message}`);
		else console.error('create-admin failed:', error);
		process.exit(1);
	}
);
