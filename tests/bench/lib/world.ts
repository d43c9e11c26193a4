// One MPP for the socket benchmarks: open around the clock, counters that each serve every service
// (every call competes for the same queue heads), paired TVs, and waiting tickets inserted in bulk
// (the benchmarks measure calling and fan-out, not issuing), the first ones followed by phones.
import type postgres from 'postgres';
import type { OpeningHours } from '../../../src/lib/domain/types';
import { hashPassword } from '../../../src/lib/server/auth/password';
import { generateToken, hashToken } from '../../../src/lib/server/auth/tokens';
import { assignOperator, insertCounter } from '../../../src/lib/server/db/counters';
import { insertDevice } from '../../../src/lib/server/db/devices';
import { insertMpp } from '../../../src/lib/server/db/mpps';
import { insertService } from '../../../src/lib/server/db/services';
import { insertTenant } from '../../../src/lib/server/db/tenants';
import { insertUser } from '../../../src/lib/server/db/users';

export const OPERATOR_PASSWORD = 'bench-operator-123';

const allDay = Object.fromEntries(
	['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [['00:00', '24:00']]])
) as OpeningHours;

export interface WorldOptions {
	displays: number;
	phones: number;
	/** waiting tickets at least (phones follow the first ones); 999 per service at most, a day's limit */
	tickets: number;
	counters: number;
	/** an operator assigned to every counter, for calls over HTTP */
	operator?: boolean;
}

export async function createBenchWorld(sql: postgres.Sql, options: WorldOptions) {
	const mpp = await insertMpp(sql, {
		slug: 'bench',
		name: 'MPP Bench',
		province: 'DKI Jakarta',
		city: 'Jakarta',
		timezone: 'Asia/Jakarta',
		openingHours: allDay
	});
	const tenant = await insertTenant(sql, { mppId: mpp.id, code: 'DUKCAPIL', name: 'Disdukcapil' });
	const needed = Math.max(options.tickets, options.phones) + 100;
	const serviceCount = Math.max(3, Math.ceil(needed / 999));
	const serviceIds: string[] = [];
	for (let i = 0; i < serviceCount; i++) {
		const prefix = String.fromCharCode(65 + i);
		const s = await insertService(sql, {
			mppId: mpp.id,
			tenantId: tenant.id,
			code: `S${prefix}`,
			prefix,
			name: prefix
		});
		serviceIds.push(s.id);
	}
	const counterIds: string[] = [];
	for (let i = 0; i < options.counters; i++) {
		const c = await insertCounter(sql, {
			mppId: mpp.id,
			tenantId: tenant.id,
			name: `Loket ${i + 1}`,
			serviceIds,
			status: 'open'
		});
		counterIds.push(c.id);
	}
	let operatorEmail: string | undefined;
	if (options.operator) {
		const user = await insertUser(sql, {
			email: 'operator@bench.test',
			name: 'Operator',
			passwordHash: await hashPassword(OPERATOR_PASSWORD),
			role: 'operator',
			mppId: mpp.id
		});
		for (const id of counterIds) await assignOperator(sql, id, user.id);
		operatorEmail = user.email;
	}
	// dated the MPP's own today: callNext calls only today's tickets (DESIGN: a day is MPP-local)
	const perService = Math.min(999, Math.ceil(needed / serviceCount));
	await sql`
		INSERT INTO tickets (id, mpp_id, service_id, issued_service_id, local_date, seq, number, status,
			track_code, issued_at, queued_at)
		SELECT gen_random_uuid(), ${mpp.id}, s.id, s.id, (now() AT TIME ZONE 'Asia/Jakarta')::date, n, s.prefix || lpad(n::text, 3, '0'), 'waiting',
			substr(md5(random()::text), 1, 12), at, at
		FROM services s, generate_series(1, ${perService}) n,
			LATERAL (SELECT now() - interval '1 hour' + n * interval '1 second' + random() * interval '1 second') q(at)
		WHERE s.mpp_id = ${mpp.id}`;
	await sql`ANALYZE tickets`;
	const tracked = await sql<{ id: string; trackCode: string }[]>`
		SELECT id, track_code AS "trackCode" FROM tickets WHERE mpp_id = ${mpp.id} ORDER BY queued_at LIMIT ${options.phones}`;
	const displayTokens: string[] = [];
	for (let i = 0; i < options.displays; i += 100) {
		const batch = Array.from({ length: Math.min(100, options.displays - i) }, () => generateToken());
		await Promise.all(
			batch.map((token, j) =>
				insertDevice(sql, {
					mppId: mpp.id,
					kind: 'display',
					name: `TV ${i + j + 1}`,
					tokenHash: hashToken(token)
				})
			)
		);
		displayTokens.push(...batch);
	}
	return {
		mppId: mpp.id,
		counterIds,
		operatorEmail,
		displayTokens,
		trackCodes: tracked.map((t) => t.trackCode),
		// call-next answers staff without track codes (issue 10 item 4): phones are matched by ticket id
		trackedIds: new Set(tracked.map((t) => t.id))
	};
}

export type BenchWorld = Awaited<ReturnType<typeof createBenchWorld>>;
