// `npm run create-admin` as an operator runs it: a child process against a real database.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../src/lib/server/auth/login';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { AppError } from '../../src/lib/server/errors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const root = fileURLToPath(new URL('../../', import.meta.url));
let db: TestDatabase;

beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(() => db.drop());

function createAdmin(args: string[], env: Record<string, string> = {}) {
	return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
		const child = execFile(
			process.execPath,
			['--import', 'tsx', 'server/cli/create-admin.ts', ...args],
			{ cwd: root, env: { ...process.env, ANTREAN_ADMIN_PASSWORD: '', ...env, DATABASE_URL: db.url } },
			(error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
		);
		child.stdin?.end();
	});
}

const canLogin = (email: string, password: string) =>
	login(db.sql, { email, password, ip: '192.0.2.1' }).then(
		(r) => r.user,
		(e: AppError) => e.code
	);

describe('create-admin', () => {
	it('creates a superadmin who can sign in', async () => {
		const run = await createAdmin([
			'--email',
			'Kepala@Example.go.id',
			'--name',
			'Kepala TI',
			'--password',
			'sangat-rahasia-1'
		]);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('kepala@example.go.id');
		const user = await canLogin('kepala@example.go.id', 'sangat-rahasia-1');
		expect(user).toMatchObject({
			email: 'kepala@example.go.id',
			name: 'Kepala TI',
			role: 'superadmin',
			mppId: null
		});
	});

	it('takes the password from ANTREAN_ADMIN_PASSWORD', async () => {
		const run = await createAdmin(['--email', 'ops@example.go.id', '--name', 'Ops'], {
			ANTREAN_ADMIN_PASSWORD: 'dari-lingkungan-1'
		});
		expect(run.code).toBe(0);
		expect(await canLogin('ops@example.go.id', 'dari-lingkungan-1')).toMatchObject({ role: 'superadmin' });
	});

	it('refuses to create the same address twice and leaves the password as it was', async () => {
		const run = await createAdmin([
			'--email',
			'kepala@example.go.id',
			'--name',
			'X',
			'--password',
			'lain-sama-sekali'
		]);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('already exists');
		expect(await canLogin('kepala@example.go.id', 'lain-sama-sekali')).toBe('invalid_credentials');
	});

	it('with --reset sets a new password and ends every session of that user', async () => {
		const user = await canLogin('kepala@example.go.id', 'sangat-rahasia-1');
		if (typeof user === 'string') throw new Error(user);
		const session = await createSession(db.sql, user.id);
		const run = await createAdmin([
			'--reset',
			'--email',
			'kepala@example.go.id',
			'--password',
			'baru-lagi-2025'
		]);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('session(s) ended');
		expect(await validateSessionToken(db.sql, session.token)).toBeNull();
		expect(await canLogin('kepala@example.go.id', 'sangat-rahasia-1')).toBe('invalid_credentials');
		expect(await canLogin('kepala@example.go.id', 'baru-lagi-2025')).toMatchObject({ id: user.id });
	});

	it('rejects bad input with a clear message and exit code 1', async () => {
		const cases: [string[], string][] = [
			[['--email', 'a@example.go.id', '--name', 'A', '--password', 'pendek'], 'at least 10 characters'],
			[['--email', 'a@example.go.id', '--name', 'A', '--password', 'password12345'], 'too easy to guess'],
			[['--email', 'bukan-email', '--name', 'A', '--password', 'cukup-panjang-1'], 'not a valid e-mail'],
			[['--email', 'a@example.go.id', '--password', 'cukup-panjang-1'], '--name is required'],
			[['--name', 'A', '--password', 'cukup-panjang-1'], '--email is required'],
			[['--email', 'a@example.go.id', '--name', 'A'], 'No password given'],
			[['--reset', '--email', 'nobody@example.go.id', '--password', 'cukup-panjang-1'], 'No user has'],
			[['--email', 'a@example.go.id', '--nama', 'A'], "Unknown option '--nama'"]
		];
		for (const [args, message] of cases) {
			const run = await createAdmin(args);
			expect(run.code, args.join(' ')).toBe(1);
			expect(run.stderr, args.join(' ')).toContain(message);
		}
		const [row] = await db.sql`SELECT count(*)::int AS n FROM users WHERE email = 'a@example.go.id'`;
		expect(row.n).toBe(0);
	});
});
