// `npm run seed:history -- --mpps N --days D [--seed S] [--parallel P]`: N MPPs over the three zones
// with D days of realistic history ending yesterday, rollups included (src/lib/server/stats/seed-history.ts).
// DATABASE_URL's server, or the embedded PostgreSQL under ANTREAN_DATA_DIR.
import { parseArgs } from 'node:util';
import { createSql } from '../../src/lib/server/db/client';
import { seedHistory } from '../../src/lib/server/stats/seed-history';
import { migrate, startDatabase } from '../database';

const usage = `Usage: npm run seed:history -- --mpps N --days D [--seed S] [--parallel P]

  --mpps N      MPPs to fill, 1–1000 (created when missing: mpp-kota-medan, mpp-kabupaten-badung, …)
  --days D      days of history ending yesterday (MPP-local), 1–1100
  --seed S      random seed (default 1): the same seed gives the same tickets
  --parallel P  MPPs generated at once, 1–8 (default 2)`;

function positive(
	name: string,
	value: string | undefined,
	fallback: number | undefined,
	max: number
): number {
	if (value === undefined && fallback !== undefined) return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1 || n > max) {
		console.error(`--${name} must be a whole number from 1 to ${max}\n\n${usage}`);
		process.exit(2);
	}
	return n;
}

async function main() {
	const { values } = parseArgs({
		options: {
			mpps: { type: 'string' },
			days: { type: 'string' },
			seed: { type: 'string' },
			parallel: { type: 'string' },
			help: { type: 'boolean' }
		}
	});
	if (values.help) return console.log(usage);
	const mpps = positive('mpps', values.mpps, undefined, 1000);
	const days = positive('days', values.days, undefined, 1100);
	const seed = positive('seed', values.seed, 1, 2 ** 31);
	const parallel = positive('parallel', values.parallel, 2, 8);
	const database = await startDatabase();
	await migrate(database.url);
	const sql = createSql(database.url, parallel * 2);
	try {
		const result = await seedHistory(sql, {
			mpps,
			days,
			seed,
			parallel,
			onMpp: ({ slug, tickets, created }) =>
				console.log(`${slug}${created ? ' (new)' : ''}: ${tickets.toLocaleString('en')} tickets`)
		});
		const perMinute = Math.round((result.tickets / result.seconds) * 60);
		console.log(
			`${result.tickets.toLocaleString('en')} tickets for ${result.mpps} MPPs (${result.created} new) in ` +
				`${result.seconds.toFixed(1)} s: ${perMinute.toLocaleString('en')} tickets/min, rollups included; ` +
				`${result.surveys.toLocaleString('en')} survey answers`
		);
	} finally {
		await sql.end({ timeout: 5 });
		await database.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
