// The track code is the only key to /t/<code> and GET /api/v1/tickets/<code>: whoever holds it (a
// photo of the slip, a shared link) sees them. Neither ever says a ticket's priority group, which can
// say disability or pregnancy (special-category data, UU 27/2022), in either language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { id } from '../../src/lib/i18n/messages/id';
import { en } from '../../src/lib/i18n/messages/en';
import { issueTicket } from '../../src/lib/server/queue';
import { startAppServer, type AppServer } from '../helpers/app-server';
import { createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let app: AppServer;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	app = await startAppServer(db.url);
});
afterAll(async () => {
	await app?.stop();
	await db.drop();
});

const groups = ['lansia', 'disabilitas', 'ibu_hamil', 'anak', 'korban_bencana'] as const;

/** Everything that would give a group away: its code, its name in both languages, the field. */
function giveaways(group: (typeof groups)[number]): string[] {
	const key = `kiosk.priority.${group}` as const;
	return [`"${group}"`, id[key], en[key], 'priorityGroup', 'priority_group', '>Prioritas<', '>Priority<'];
}

describe('the tracking page and its API', () => {
	for (const group of groups) {
		it(`never show the priority group (${group})`, async () => {
			const mpp = world.mpps[0];
			const { ticket } = await issueTicket(db.sql, {
				mppId: mpp.id,
				serviceId: mpp.services.a,
				actor: {},
				priorityGroup: group
			});
			const answers: string[] = [];
			for (const lang of ['id', 'en']) {
				const headers = { cookie: `lang=${lang}` };
				const page = await fetch(`${app.url}/t/${ticket.trackCode}`, { headers });
				expect(page.status).toBe(200);
				const html = await page.text();
				expect(html).toContain(ticket.number);
				answers.push(html);
				const data = await fetch(`${app.url}/t/${ticket.trackCode}/__data.json`, { headers });
				expect(data.status).toBe(200);
				answers.push(await data.text());
			}
			const api = await fetch(`${app.url}/api/v1/tickets/${ticket.trackCode}`);
			expect(api.status).toBe(200);
			const body = await api.text();
			expect(JSON.parse(body)).toMatchObject({ number: ticket.number, status: 'waiting' });
			answers.push(body);
			for (const answer of answers)
				for (const word of giveaways(group)) expect(answer.toLowerCase()).not.toContain(word.toLowerCase());
		});
	}
});
