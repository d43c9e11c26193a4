// The demo works at any hour (issue 10 item 9): a new user trying `npm run demo` at 23:00 must still
// be able to take a ticket at the kiosk and watch it called. The demo MPPs therefore hand out tickets
// around the clock (mpps.tickets_any_hour); their opening hours stay real, because the simulator runs
// its business-day clock on them. `--office-hours` turns it off again. Only the demo's own MPPs are
// touched, never an MPP an operator created.
import type { Sql } from '../db/client';
import { demoMpps } from './profile';

/** Sets whether the demo MPPs issue at any hour; returns how many MPPs it changed. */
export async function setDemoTicketHours(sql: Sql, anyHour: boolean): Promise<number> {
	const slugs = demoMpps.map((m) => m.slug);
	const rows = await sql`
		UPDATE mpps SET tickets_any_hour = ${anyHour}
		WHERE slug = ANY(${slugs}::text[]) AND tickets_any_hour IS DISTINCT FROM ${anyHour}
		RETURNING id`;
	return rows.length;
}
