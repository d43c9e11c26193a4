// The demo world `npm run demo` and `npm run cluster` start with: the demo MPPs, logins and paired
// devices when the database is empty, the past 90 days once, and tickets at any hour unless asked.
import { join } from 'node:path';
import { createSql } from '../src/lib/server/db/client';
import { ensureDemoDevices, type DemoDevices } from '../src/lib/server/demo/devices';
import { setDemoTicketHours } from '../src/lib/server/demo/hours';
import { seedDemoHistory } from '../src/lib/server/demo/history';
import { seedDemo } from '../src/lib/server/demo/seed';
import { migrate, type Database } from './database';

export async function seedDemoWorld(
	database: Database,
	dataDir: string,
	officeHours: boolean
): Promise<DemoDevices[]> {
	await migrate(database.url);
	const sql = createSql(database.url, 4);
	try {
		const { seeded } = await seedDemo(sql);
		console.log(
			seeded ? 'Seeded the demo MPPs and logins.' : 'The database already has MPPs: nothing seeded.'
		);
		// tickets at any hour unless --office-hours (issue 10 item 9); applied on every start, both ways
		await setDemoTicketHours(sql, !officeHours);
		console.log(
			officeHours
				? 'Kiosks follow the real opening hours (--office-hours).'
				: 'Kiosks hand out tickets at any hour (demo only; --office-hours keeps the real hours).'
		);
		console.log('Seeding the past 90 days up to yesterday (once)…');
		const history = await seedDemoHistory(sql, { days: 90 });
		console.log(
			history.tickets
				? `History: ${history.tickets.toLocaleString('en')} tickets and ${history.surveys.toLocaleString('en')} survey answers over ${history.days} business days (all MPPs together) in ${(history.ms / 1000).toFixed(1)} s.`
				: `History: already there, nothing added (${(history.ms / 1000).toFixed(1)} s).`
		);
		return await ensureDemoDevices(sql, join(dataDir, 'demo-devices.json'));
	} finally {
		await sql.end({ timeout: 5 });
	}
}
