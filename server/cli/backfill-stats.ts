// `npm run stats:backfill [-- --mpp <slug>]`: rebuilds the statistics rollups from tickets (all MPPs,
// or one), e.g. after restoring tickets from a backup or importing them from another system.
import { parseArgs } from 'node:util';
import { createSql } from '../../src/lib/server/db/client';
import { findMppBySlug } from '../../src/lib/server/db/mpps';
import { backfillStats } from '../../src/lib/server/stats/rollup';
import { migrate, startDatabase } from '../database';

async function main() {
	const { values } = parseArgs({ options: { mpp: { type: 'string' } } });
	const database = await startDatabase();
	await migrate(database.url);
	const sql = createSql(database.url, 2);
	try {
		let mppId: string | undefined;
		if (values.mpp) {
			const mpp = await findMppBySlug(sql, values.mpp);
			if (!mpp) {
				console.error(`No MPP with slug "${values.mpp}".`);
				process.exitCode = 2;
				return;
			}
			mppId = mpp.id;
		}
		const started = performance.now();
		const result = await backfillStats(sql, {
			mppId,
			onMpp: (id, days) => console.log(`${id}: ${days} days rebuilt`)
		});
		const seconds = (performance.now() - started) / 1000;
		console.log(`Rebuilt ${result.days} MPP-days of ${result.mpps} MPPs in ${seconds.toFixed(1)} s.`);
	} finally {
		await sql.end({ timeout: 5 });
		await database.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
