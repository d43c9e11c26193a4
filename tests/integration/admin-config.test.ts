// Administration (issue 6 slice 1) through its service functions against a real PostgreSQL: every
// action, its validation (which field and why), its audit record, what it tells the live rooms, and
// who may do it.
import { setMobileStop } from '../../src/lib/server/admin/mobile-stops';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/lib/domain/types';
import {
	addClosedDay,
	createMpp,
	removeClosedDay,
	setMppActive,
	updateMppOperations,
	updateMppProfile
} from '../../src/lib/server/admin/mpps';
import { readAuditLog } from '../../src/lib/server/admin/audit-log';
import {
	activateCounter,
	createCounter,
	deactivateCounter,
	updateCounter
} from '../../src/lib/server/admin/counters';
import { FieldError } from '../../src/lib/server/admin/input';
import { createService, deactivateService, updateService } from '../../src/lib/server/admin/services';
import { createTenant, setTenantActive, updateTenant } from '../../src/lib/server/admin/tenants';
import type { Actor } from '../../src/lib/server/auth/actor';
import { listServiceRows } from '../../src/lib/server/db/catalogue-edits';
import { listTicketEvents } from '../../src/lib/server/db/queue-events';
import { AppError } from '../../src/lib/server/errors';
import { findMppById } from '../../src/lib/server/db/mpps';
import { kioskMenu } from '../../src/lib/server/kiosk/menu';
import { callNext, issueTicket } from '../../src/lib/server/queue';
import { createWorld, type MppFixture, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let jkt: MppFixture;
let mks: MppFixture;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	[jkt, mks] = world.mpps;
});
afterAll(async () => {
	await db?.drop();
});

const person = (id: string, role: Role, mppId: string | null): Actor => ({
	kind: 'user',
	user: { id, email: `${id}@uji.test`, name: role, role, mppId },
	sessionId: 'session'
});
const superadmin = () => person(world.superadmin.id, 'superadmin', null);
const admin = (mpp: MppFixture) => person(mpp.users.mpp_admin.id, 'mpp_admin', mpp.id);

/** The FieldError a call throws, as { field: key }. */
async function problems(promise: Promise<unknown>): Promise<Record<string, string>> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof FieldError) {
			return Object.fromEntries(Object.entries(error.fields).map(([field, p]) => [field, p.key]));
		}
		throw error;
	}
	throw new Error('expected a FieldError');
}

async function status(promise: Promise<unknown>): Promise<number> {
	try {
		await promise;
		return 200;
	} catch (error) {
		if (error instanceof AppError) return error.status;
		throw error;
	}
}

const day = (from = '07:30', to = '16:00', breakFrom = '', breakTo = '') => ({
	open: 'on',
	from,
	to,
	breakFrom,
	breakTo
});
const week = {
	mon: day(),
	tue: day(),
	wed: day(),
	thu: day(),
	fri: day('07:30', '16:00', '11:30', '13:00'),
	sat: { open: '', from: '', to: '', breakFrom: '', breakTo: '' },
	sun: { open: '', from: '', to: '', breakFrom: '', breakTo: '' }
};
const newMpp = {
	name: 'MPP Kota Contoh',
	slug: 'kota-contoh',
	province: 'Jawa Barat',
	city: 'Kota Contoh',
	regionCode: '32.99',
	timezone: 'Asia/Jakarta',
	openingHours: week,
	callLimit: '3',
	priorityRatio: '2',
	runningText: 'Selamat datang'
};

async function auditRows(mppId: string, params: Record<string, string> = {}) {
	return (await readAuditLog(db.sql, superadmin(), mppId, params)).rows;
}

describe('MPPs', () => {
	it('the superadmin creates an MPP with the Friday prayer break, recorded in the audit', async () => {
		const { value: mpp } = await createMpp(db.sql, superadmin(), newMpp);
		expect(mpp).toMatchObject({
			slug: 'kota-contoh',
			regionCode: '32.99',
			timezone: 'Asia/Jakarta',
			active: true
		});
		expect(mpp.openingHours.fri).toEqual([
			['07:30', '11:30'],
			['13:00', '16:00']
		]);
		expect(mpp.openingHours.sat).toEqual([]);
		const [record] = await auditRows(mpp.id);
		expect(record).toMatchObject({
			source: 'config',
			entity: 'mpp',
			action: 'created',
			actorName: 'Super Admin'
		});
		expect(record.changes).toMatchObject({ slug: [null, 'kota-contoh'] });
		// no booking fields sent: the defaults of migration 0015
		expect(mpp).toMatchObject({ checkinBeforeMinutes: 30, checkinAfterMinutes: 15, bookingRatio: 3 });
	});

	it('takes the check-in window and booking ratio of a new MPP from the form, checked like an edit', async () => {
		const booking = { checkinBeforeMinutes: '45', checkinAfterMinutes: '10', bookingRatio: '4' };
		const { value: mpp } = await createMpp(db.sql, superadmin(), {
			...newMpp,
			slug: 'kota-pesan',
			...booking
		});
		expect(mpp).toMatchObject({ checkinBeforeMinutes: 45, checkinAfterMinutes: 10, bookingRatio: 4 });
		expect(
			await problems(
				createMpp(db.sql, superadmin(), {
					...newMpp,
					slug: 'kota-pesan-2',
					checkinBeforeMinutes: '999',
					checkinAfterMinutes: '-1',
					bookingRatio: 'x'
				})
			)
		).toEqual({
			checkinBeforeMinutes: 'admin.invalid.range',
			checkinAfterMinutes: 'admin.invalid.range',
			bookingRatio: 'admin.invalid.range'
		});
	});

	it('refuses bad input field by field, and saves nothing', async () => {
		const found = await problems(
			createMpp(db.sql, superadmin(), {
				...newMpp,
				name: ' ',
				slug: 'Kota Contoh!',
				timezone: 'Mars/Olympus',
				regionCode: '3x',
				callLimit: '0',
				openingHours: { ...week, mon: day('16:00', '07:30'), fri: day('07:30', '16:00', '13:00', '11:30') }
			})
		);
		expect(found).toEqual({
			name: 'admin.invalid.required',
			slug: 'admin.invalid.slug',
			timezone: 'admin.invalid.timezone',
			regionCode: 'admin.invalid.regionCode',
			callLimit: 'admin.invalid.range',
			'openingHours.mon': 'admin.invalid.hoursOrder',
			'openingHours.fri': 'admin.invalid.breakOrder'
		});
		expect(await problems(createMpp(db.sql, superadmin(), newMpp))).toEqual({
			slug: 'admin.invalid.slugTaken'
		});
	});

	it('only the superadmin creates MPPs or changes their identity; an mpp_admin keeps its own hours', async () => {
		expect(await status(createMpp(db.sql, admin(jkt), { ...newMpp, slug: 'lain' }))).toBe(403);
		const profile = {
			name: 'MPP Baru',
			slug: jkt.slug,
			province: 'DKI',
			city: 'Jakarta',
			regionCode: '',
			timezone: 'Asia/Jakarta'
		};
		expect(await status(updateMppProfile(db.sql, admin(jkt), jkt.id, profile))).toBe(403);
		const ops = { openingHours: week, callLimit: '4', priorityRatio: '3', runningText: 'Teks baru' };
		expect(await status(updateMppOperations(db.sql, admin(mks), jkt.id, ops))).toBe(403);
		const saved = await updateMppOperations(db.sql, admin(jkt), jkt.id, ops);
		expect(saved.value).toMatchObject({ callLimit: 4, priorityRatio: 3, runningText: 'Teks baru' });
		// the TVs get the new running text at once
		expect(saved.live.runningText).toEqual({ mppId: jkt.id, text: 'Teks baru' });
		const [record] = await auditRows(jkt.id, { source: 'config' });
		expect(record).toMatchObject({ action: 'updated', actorName: 'mpp_admin jakarta-uji' });
		expect(Object.keys(record.changes).sort()).toEqual([
			'callLimit',
			'openingHours',
			'priorityRatio',
			'runningText'
		]);
		// restore round-the-clock hours for the tests below
		const allDay = { open: 'on', from: '00:00', to: '24:00', breakFrom: '', breakTo: '' };
		await updateMppOperations(db.sql, admin(jkt), jkt.id, {
			...ops,
			openingHours: Object.fromEntries(Object.keys(week).map((d) => [d, allDay]))
		});
	});

	it('the superadmin renames an MPP (the TVs refetch) and deactivates it', async () => {
		const profile = {
			name: 'MPP Makassar Baru',
			slug: mks.slug,
			province: 'Sulsel',
			city: 'Makassar',
			regionCode: '73.71',
			timezone: 'Asia/Makassar'
		};
		const renamed = await updateMppProfile(db.sql, superadmin(), mks.id, profile);
		expect(renamed.value.name).toBe('MPP Makassar Baru');
		expect(renamed.live.outcomes.map((o) => o.change.type)).toEqual(['mpp:configured']);
		expect(await status(setMppActive(db.sql, admin(mks), mks.id, false))).toBe(403);
		const off = await setMppActive(db.sql, superadmin(), mks.id, false);
		expect(off.value.active).toBe(false);
		expect(
			(await issueTicket(db.sql, { mppId: mks.id, serviceId: mks.services.a, actor: {} }).catch((e) => e))
				.code
		).toBe('mpp_not_found');
		await setMppActive(db.sql, superadmin(), mks.id, true);
		const actions = (await auditRows(mks.id, { source: 'config' })).map((r) => r.action);
		expect(actions.slice(0, 3)).toEqual(['activated', 'deactivated', 'updated']);
	});

	it('a closed day stops the kiosk on that local date; removing it opens again', async () => {
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: jkt.timezone }).format(new Date());
		expect(
			await problems(addClosedDay(db.sql, admin(jkt), jkt.id, { date: '2026-13-40', name: '' }))
		).toEqual({
			date: 'admin.invalid.date',
			name: 'admin.invalid.required'
		});
		await addClosedDay(db.sql, admin(jkt), jkt.id, { date: today, name: 'Cuti bersama' });
		// the kiosk says so before anyone touches a service
		const menu = await kioskMenu(db.sql, (await findMppById(db.sql, jkt.id))!);
		expect(menu.flatMap((t) => t.services).every((s) => s.unavailable?.code === 'service_closed')).toBe(true);
		const refused = await issueTicket(db.sql, { mppId: jkt.id, serviceId: jkt.services.a, actor: {} }).catch(
			(e) => e
		);
		expect(refused).toMatchObject({ code: 'service_closed' });
		expect(refused.message).toContain('Cuti bersama');
		await removeClosedDay(db.sql, admin(jkt), jkt.id, today);
		const issued = await issueTicket(db.sql, { mppId: jkt.id, serviceId: jkt.services.a, actor: {} });
		expect(issued.ticket.status).toBe('waiting');
		const actions = (await auditRows(jkt.id, { source: 'config', q: 'Cuti bersama' })).map((r) => [
			r.entity,
			r.action
		]);
		expect(actions).toEqual([
			['closed_day', 'deleted'],
			['closed_day', 'created']
		]);
	});
});

describe('agencies, services and counters', () => {
	let tenantId: string;

	it('creates and renames an agency; a code clash names the other agency', async () => {
		expect(await problems(createTenant(db.sql, admin(jkt), jkt.id, { code: 'dukcapil', name: 'X' }))).toEqual(
			{
				code: 'admin.invalid.codeTaken'
			}
		);
		expect(await problems(createTenant(db.sql, admin(jkt), jkt.id, { code: 'BAD CODE', name: '' }))).toEqual({
			code: 'admin.invalid.code',
			name: 'admin.invalid.required'
		});
		const { value } = await createTenant(db.sql, admin(jkt), jkt.id, {
			code: 'bpjs',
			name: 'BPJS Kesehatan'
		});
		expect(value.code).toBe('BPJS');
		tenantId = value.id;
		const renamed = await updateTenant(db.sql, admin(jkt), jkt.id, tenantId, {
			code: 'BPJS',
			name: 'BPJS Kesehatan Cabang'
		});
		expect(renamed.value.name).toBe('BPJS Kesehatan Cabang');
		expect(renamed.live.outcomes.map((o) => o.change.type)).toEqual(['mpp:configured']);
	});

	const service = (overrides: Record<string, unknown> = {}) => ({
		tenantId,
		code: 'JKN',
		prefix: 'E',
		name: 'Kepesertaan JKN',
		targetWaitMinutes: '20',
		dailyQuota: '',
		cutoffMinutes: '60',
		counterIds: [] as string[],
		confirmNoCounter: '',
		...overrides
	});

	it('flags a prefix already used in the MPP, and a service without a counter, before saving', async () => {
		const clash = await createService(db.sql, admin(jkt), jkt.id, service({ prefix: 'a' })).catch((e) => e);
		expect(clash).toBeInstanceOf(FieldError);
		expect(clash.fields).toEqual({
			prefix: { key: 'admin.invalid.prefixTaken', params: { name: 'KTP-el' } }
		});
		expect(await problems(createService(db.sql, admin(jkt), jkt.id, service()))).toEqual({
			counterIds: 'admin.invalid.noCounter'
		});
		expect(
			await problems(
				createService(
					db.sql,
					admin(jkt),
					jkt.id,
					service({ prefix: 'E1', targetWaitMinutes: '0', dailyQuota: 'x' })
				)
			)
		).toEqual({
			prefix: 'admin.invalid.prefix',
			targetWaitMinutes: 'admin.invalid.range',
			dailyQuota: 'admin.invalid.range'
		});
		// a counter of another MPP is no choice, and nothing is half-saved
		expect(
			await problems(createService(db.sql, admin(jkt), jkt.id, service({ counterIds: [mks.counters.one] })))
		).toEqual({
			counterIds: 'admin.invalid.choice'
		});
		// the same prefix in another MPP is fine: numbers are per MPP
		expect((await listServiceRows(db.sql, jkt.id)).some((s) => s.prefix === 'E')).toBe(false);
	});

	it('creates a service served at a counter; clients refetch their snapshot; the audit names it', async () => {
		const saved = await createService(
			db.sql,
			admin(jkt),
			jkt.id,
			service({ counterIds: [jkt.counters.two], dailyQuota: '150' })
		);
		expect(saved.value).toMatchObject({
			prefix: 'E',
			dailyQuota: 150,
			counterIds: [jkt.counters.two],
			active: true
		});
		expect(saved.live.outcomes).toHaveLength(1);
		expect(saved.live.outcomes[0]).toMatchObject({ mppId: jkt.id, change: { type: 'mpp:configured' } });
		expect(saved.live.outcomes[0].seq).toBeGreaterThan(0);
		const [record] = await auditRows(jkt.id, { q: 'JKN', source: 'config' });
		expect(record).toMatchObject({ entity: 'service', action: 'created', entityName: 'Kepesertaan JKN' });
		// a ticket for it is called at that counter
		const issued = await issueTicket(db.sql, { mppId: jkt.id, serviceId: saved.value.id, actor: {} });
		expect(issued.ticket.number).toMatch(/^E\d{3}$/);
	});

	it("refuses a new prefix once today's numbers carry the old one", async () => {
		const [jkn] = (await listServiceRows(db.sql, jkt.id)).filter((s) => s.code === 'JKN');
		expect(
			await problems(
				updateService(
					db.sql,
					admin(jkt),
					jkt.id,
					jkn.id,
					service({ prefix: 'F', counterIds: jkn.counterIds })
				)
			)
		).toEqual({ prefix: 'admin.invalid.prefixInUseToday' });
		const renamed = await updateService(
			db.sql,
			admin(jkt),
			jkt.id,
			jkn.id,
			service({ name: 'JKN Mobile', dailyQuota: '150', counterIds: jkn.counterIds })
		);
		expect(renamed.value.name).toBe('JKN Mobile');
		const [record] = await auditRows(jkt.id, { source: 'config', q: 'JKN Mobile' });
		expect(record.changes).toEqual({ name: ['Kepesertaan JKN', 'JKN Mobile'] });
	});

	it('deactivating a service with citizens waiting asks what to do, then transfers them keeping their place', async () => {
		const [jkn] = (await listServiceRows(db.sql, jkt.id)).filter((s) => s.code === 'JKN');
		expect(jkn.waiting).toBeGreaterThan(0);
		expect(await problems(deactivateService(db.sql, admin(jkt), jkt.id, jkn.id, {}))).toEqual({
			decision: 'admin.invalid.decisionNeeded'
		});
		expect(
			await problems(
				deactivateService(db.sql, admin(jkt), jkt.id, jkn.id, {
					decision: 'transfer',
					targetServiceId: mks.services.a
				})
			)
		).toEqual({ targetServiceId: 'admin.invalid.transferTarget' });
		const saved = await deactivateService(db.sql, admin(jkt), jkt.id, jkn.id, {
			decision: 'transfer',
			targetServiceId: jkt.services.b
		});
		expect(saved.value.active).toBe(false);
		const types = saved.live.outcomes.map((o) => o.change.type);
		expect(types.filter((t) => t === 'ticket:transferred')).toHaveLength(jkn.waiting);
		expect(types.at(-1)).toBe('mpp:configured');
		// seqs follow each other, so clients apply them in order
		const seqs = saved.live.outcomes.map((o) => o.seq);
		expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
		const moved = saved.live.outcomes[0].change as { ticket: { id: string; serviceId: string } };
		expect(moved.ticket.serviceId).toBe(jkt.services.b);
		const history = await listTicketEvents(db.sql, moved.ticket.id);
		expect(history.at(-1)).toMatchObject({ type: 'transferred', userId: jkt.users.mpp_admin.id });
		expect((await listServiceRows(db.sql, jkt.id)).find((s) => s.id === jkn.id)?.waiting).toBe(0);
	});

	it('"finish the day" stops new tickets but the waiting ones are still called', async () => {
		const { value: svc } = await createService(
			db.sql,
			admin(jkt),
			jkt.id,
			service({ code: 'PBB', prefix: 'P', name: 'PBB', counterIds: [jkt.counters.three] })
		);
		const issued = await issueTicket(db.sql, { mppId: jkt.id, serviceId: svc.id, actor: {} });
		const saved = await deactivateService(db.sql, admin(jkt), jkt.id, svc.id, { decision: 'finish_day' });
		expect(saved.value.active).toBe(false);
		const refused = await issueTicket(db.sql, { mppId: jkt.id, serviceId: svc.id, actor: {} }).catch(
			(e) => e
		);
		expect(refused.code).toBe('service_inactive');
		// the counter serves what waits, then the rest of its services
		let called;
		do called = (await callNext(db.sql, { counterId: jkt.counters.three, actor: {} })).ticket;
		while (called && called.id !== issued.ticket.id);
		expect(called?.id).toBe(issued.ticket.id);
	});

	it('creates a counter (a name clash and no service are flagged) and renames it live', async () => {
		expect(
			await problems(
				createCounter(db.sql, admin(jkt), jkt.id, { name: 'loket 1', tenantId: '', serviceIds: [] })
			)
		).toEqual({
			name: 'admin.invalid.nameTaken'
		});
		expect(
			await problems(
				createCounter(db.sql, admin(jkt), jkt.id, { name: 'Loket 9', tenantId: '', serviceIds: [] })
			)
		).toEqual({
			serviceIds: 'admin.invalid.noService'
		});
		const { value: counter } = await createCounter(db.sql, admin(jkt), jkt.id, {
			name: 'Loket 9',
			tenantId: '',
			serviceIds: [jkt.services.c]
		});
		const renamed = await updateCounter(db.sql, admin(jkt), jkt.id, counter.id, {
			name: 'Loket 9 Polri',
			tenantId: '',
			serviceIds: [jkt.services.c]
		});
		const [outcome] = renamed.live.outcomes;
		expect(outcome.change).toMatchObject({
			type: 'counter:changed',
			counter: { id: counter.id, name: 'Loket 9 Polri' }
		});
		const [record] = await auditRows(jkt.id, { source: 'config', q: 'Loket 9 Polri' });
		expect(record.changes).toEqual({ name: ['Loket 9', 'Loket 9 Polri'] });
	});

	it('deactivating a counter hands over services only it serves, and refuses while a ticket is at it', async () => {
		const { value: lone } = await createService(
			db.sql,
			admin(jkt),
			jkt.id,
			service({ code: 'IMB', prefix: 'G', name: 'PBG', counterIds: [], confirmNoCounter: 'on' })
		);
		const { value: counter } = await createCounter(db.sql, admin(jkt), jkt.id, {
			name: 'Loket PBG',
			tenantId: '',
			serviceIds: [lone.id]
		});
		await issueTicket(db.sql, { mppId: jkt.id, serviceId: lone.id, actor: {} });
		expect(await problems(deactivateCounter(db.sql, admin(jkt), jkt.id, counter.id, {}))).toEqual({
			handoverCounterId: 'admin.invalid.stranded'
		});
		const saved = await deactivateCounter(db.sql, admin(jkt), jkt.id, counter.id, {
			handoverCounterId: jkt.counters.two
		});
		expect(saved.value).toMatchObject({ active: false, status: 'closed' });
		const services = await listServiceRows(db.sql, jkt.id);
		expect(services.find((s) => s.id === lone.id)?.counterIds).toEqual([jkt.counters.two]);
		await activateCounter(db.sql, admin(jkt), jkt.id, counter.id);
		// a counter with a called ticket is not taken away under the operator
		const busy = await callNext(db.sql, { counterId: jkt.counters.one, actor: {} });
		expect(busy.ticket).not.toBeNull();
		expect(await problems(deactivateCounter(db.sql, admin(jkt), jkt.id, jkt.counters.one, {}))).toEqual({
			form: 'admin.invalid.counterBusy'
		});
	});

	it('an agency with active services cannot be deactivated', async () => {
		const dukcapil = (await listServiceRows(db.sql, jkt.id)).find((s) => s.id === jkt.services.a)!.tenantId;
		expect(await problems(setTenantActive(db.sql, admin(jkt), jkt.id, dukcapil, false))).toEqual({
			active: 'admin.invalid.tenantHasServices'
		});
	});
});

describe('audit', () => {
	it('finds ticket actions by ticket number and by the person who did them', async () => {
		const issued = await issueTicket(db.sql, {
			mppId: jkt.id,
			serviceId: jkt.services.c,
			actor: { deviceId: jkt.devices.kiosk.id }
		});
		const byNumber = await auditRows(jkt.id, { q: issued.ticket.number, source: 'ticket' });
		expect(byNumber.find((r) => r.action === 'issued')).toMatchObject({
			entity: 'ticket',
			entityName: issued.ticket.number,
			actorKind: 'device',
			actorName: `kiosk ${jkt.slug}`
		});
		const byPerson = await auditRows(jkt.id, { q: 'mpp_admin jakarta', source: 'ticket' });
		expect(byPerson.every((r) => r.actorName === 'mpp_admin jakarta-uji')).toBe(true);
		expect(byPerson.some((r) => r.action === 'transferred')).toBe(true);
	});

	it('only shows one MPP to its own admin', async () => {
		expect(await status(readAuditLog(db.sql, admin(mks), jkt.id, {}))).toBe(403);
		const rows = await readAuditLog(db.sql, admin(jkt), jkt.id, { from: 'bad', to: 'worse' });
		expect(rows.rows.length).toBeGreaterThan(0);
	});
});

describe('role × MPP matrix', () => {
	const actors = (): [string, Actor, boolean][] => [
		['superadmin', superadmin(), true],
		['own mpp_admin', admin(jkt), true],
		["another MPP's mpp_admin", admin(mks), false],
		['supervisor', person(jkt.users.supervisor.id, 'supervisor', jkt.id), false],
		['operator', person(jkt.users.operator.id, 'operator', jkt.id), false],
		['ministry', person(world.ministry.id, 'ministry', null), false],
		[
			'display device',
			{ kind: 'device', device: { id: jkt.devices.display.id, mppId: jkt.id, kind: 'display', name: 'TV' } },
			false
		],
		['nobody', { kind: 'anonymous' }, false]
	];
	const actions: [string, (actor: Actor) => Promise<unknown>][] = [
		[
			'change hours',
			(a) =>
				updateMppOperations(db.sql, a, jkt.id, {
					openingHours: {},
					callLimit: 'x',
					priorityRatio: '',
					runningText: ''
				})
		],
		['add a closed day', (a) => addClosedDay(db.sql, a, jkt.id, { date: 'x', name: '' })],
		['set a mobile unit stop', (a) => setMobileStop(db.sql, a, jkt.id, { date: 'x', place: '' })],
		['add an agency', (a) => createTenant(db.sql, a, jkt.id, { code: '', name: '' })],
		['add a service', (a) => createService(db.sql, a, jkt.id, {})],
		['add a counter', (a) => createCounter(db.sql, a, jkt.id, {})],
		[
			'deactivate a service',
			(a) => deactivateService(db.sql, a, jkt.id, jkt.services.a, { decision: 'nonsense' })
		],
		[
			'deactivate a counter',
			(a) => deactivateCounter(db.sql, a, jkt.id, jkt.counters.two, { handoverCounterId: 'x' })
		],
		['read the audit', (a) => readAuditLog(db.sql, a, jkt.id, {})]
	];

	it("allows the superadmin and the MPP's own admin only (they reach validation), refusing everyone else", async () => {
		const table: string[] = [];
		for (const [who, actor, allowed] of actors()) {
			for (const [what, act] of actions) {
				const code = await status(act(actor));
				// allowed people get past the role check: the deliberately bad input is refused (422) or read (200)
				const passed = code === 422 || code === 200;
				const refused = actor.kind === 'anonymous' ? code === 401 : code === 403;
				if (allowed ? !passed : !refused) table.push(`${who} → ${what}: ${code}`);
			}
		}
		expect(table).toEqual([]);
	});
});
