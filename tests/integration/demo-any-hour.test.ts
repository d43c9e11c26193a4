// The demo works at any hour (issue 10 item 9): at 23:00 local, outside every demo MPP's opening
// hours, a person can still take a ticket at the demo kiosk; with --office-hours the real hours
// refuse it again. An MPP an operator created keeps its hours either way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIssueTime } from '../../src/lib/domain/issue-rules';
import { localTime } from '../../src/lib/domain/local-day';
import { findMppBySlug, type Mpp } from '../../src/lib/server/db/mpps';
import { setDemoTicketHours } from '../../src/lib/server/demo/hours';
import { seedDemo } from '../../src/lib/server/demo/seed';
import { kioskMenu, kioskSchedule } from '../../src/lib/server/kiosk/menu';
import { issueTicket } from '../../src/lib/server/queue';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;

beforeAll(async () => {
	db = await createTestDatabase();
	await seedDemo(db.sql);
});
afterAll(async () => {
	await db?.drop();
});

// Tuesday 24 Nov 2026, 23:00 in each demo MPP's own zone
const lateEvening: Record<string, Date> = {
	bandung: new Date('2026-11-24T16:00:00Z'),
	denpasar: new Date('2026-11-24T15:00:00Z'),
	jayapura: new Date('2026-11-24T14:00:00Z')
};

const issuesAt = (openingHours: Mpp['openingHours'], at: ReturnType<typeof localTime>) =>
	checkIssueTime({ openingHours, at, cutoffMinutes: 0 }) === null;

async function mpp(slug: string): Promise<Mpp> {
	const found = await findMppBySlug(db.sql, slug);
	if (!found) throw new Error(`no demo MPP ${slug}`);
	return found;
}

async function firstService(m: Mpp): Promise<string> {
	const [row] = await db.sql<{ id: string }[]>`
		SELECT id FROM services WHERE mpp_id = ${m.id} AND active AND daily_quota IS NULL ORDER BY prefix LIMIT 1`;
	return row.id;
}

describe.each(Object.keys(lateEvening))('the demo MPP %s at 23:00 local', (slug) => {
	it('hands out a ticket at any hour in the demo, and refuses it with --office-hours', async () => {
		const now = lateEvening[slug];
		await setDemoTicketHours(db.sql, true);
		const demo = await mpp(slug);
		expect(localTime(now, demo.timezone).minutes).toBe(23 * 60);
		const serviceId = await firstService(demo);

		const menu = await kioskMenu(db.sql, demo, now);
		expect(menu.some((tenant) => !tenant.unavailable)).toBe(true);
		// the kiosk's own clock judges by the same hours as the server's menu
		const schedule = await kioskSchedule(db.sql, demo, now);
		expect(issuesAt(schedule.openingHours, localTime(now, demo.timezone))).toBe(true);
		const issued = await issueTicket(db.sql, { mppId: demo.id, serviceId, actor: {}, now });
		expect(issued.ticket.status).toBe('waiting');

		await setDemoTicketHours(db.sql, false);
		const office = await mpp(slug);
		const closedMenu = await kioskMenu(db.sql, office, now);
		expect(closedMenu.every((tenant) => tenant.unavailable)).toBe(true);
		const closedSchedule = await kioskSchedule(db.sql, office, now);
		expect(issuesAt(closedSchedule.openingHours, localTime(now, office.timezone))).toBe(false);
		await expect(issueTicket(db.sql, { mppId: office.id, serviceId, actor: {}, now })).rejects.toMatchObject({
			code: 'cutoff'
		});
	});
});

it('leaves MPPs that are not the demo’s on their real hours', async () => {
	await db.sql`UPDATE mpps SET tickets_any_hour = false`;
	const [other] = await db.sql<{ id: string }[]>`
		INSERT INTO mpps (slug, name, province, city, timezone, opening_hours)
		SELECT 'bukan-demo', 'MPP Bukan Demo', province, city, timezone, opening_hours FROM mpps WHERE slug = 'bandung'
		RETURNING id`;
	expect(await setDemoTicketHours(db.sql, true)).toBe(3);
	const [row] = await db.sql`SELECT tickets_any_hour FROM mpps WHERE id = ${other.id}`;
	expect(row.tickets_any_hour).toBe(false);
});
