import { describe, expect, it } from 'vitest';
import type { TicketFollowState, TicketPositionEvent, TicketTrackedEvent } from '$lib/realtime/events';
import {
	applyFollow,
	applyPosition,
	applyTracked,
	firstPaint,
	isOpen,
	needsFollow,
	type LiveTicket
} from './track-apply';

const waiting: LiveTicket = {
	seq: 10,
	status: 'waiting',
	serviceId: 's1',
	serviceName: 'KTP-el',
	tenantName: 'Disdukcapil',
	counterName: null,
	callCount: 0,
	position: 3,
	estimatedWaitMinutes: 12
};

const tracked = (seq: number, ticket: Partial<TicketTrackedEvent['ticket']>): TicketTrackedEvent => ({
	mppId: 'm1',
	seq,
	ticket: {
		trackCode: 'abcdefghjk',
		number: 'A003',
		status: 'waiting',
		serviceId: 's1',
		serviceName: 'KTP-el',
		counterName: null,
		callCount: 0,
		...ticket
	}
});

const position = (seq: number, place: number, minutes: number): TicketPositionEvent => ({
	mppId: 'm1',
	seq,
	trackCode: 'abcdefghjk',
	position: place,
	estimatedWaitMinutes: minutes
});

describe('applyPosition', () => {
	it('moves a waiting ticket up', () => {
		expect(applyPosition(waiting, position(11, 2, 8))).toEqual({
			...waiting,
			position: 2,
			estimatedWaitMinutes: 8
		});
	});

	it('keeps a ticket called meanwhile called: a place computed before the call is stale', () => {
		const called = applyTracked(
			waiting,
			tracked(12, { status: 'called', counterName: 'Loket 2', callCount: 1 })
		);
		expect(applyPosition(called, position(11, 1, 0))).toBe(called);
		// even one computed after the call cannot bring back "waiting"
		expect(applyPosition(called, position(13, 1, 0))).toBe(called);
	});

	it('ignores a place older than the state the page has', () => {
		expect(applyPosition(waiting, position(9, 1, 0))).toBe(waiting);
	});
});

describe('applyTracked', () => {
	it('shows the call and the counter, and drops the place', () => {
		const called = applyTracked(
			waiting,
			tracked(11, { status: 'called', counterName: 'Loket 2', callCount: 1 })
		);
		expect(called).toMatchObject({
			seq: 11,
			status: 'called',
			counterName: 'Loket 2',
			callCount: 1,
			position: null,
			estimatedWaitMinutes: null
		});
	});

	it('applies each change once and never goes back to an older one', () => {
		const recalled = applyTracked(
			waiting,
			tracked(14, { status: 'called', counterName: 'Loket 2', callCount: 2 })
		);
		expect(
			applyTracked(recalled, tracked(12, { status: 'called', counterName: 'Loket 2', callCount: 1 }))
		).toBe(recalled);
		expect(applyTracked(recalled, tracked(14, { status: 'serving' }))).toBe(recalled);
	});

	it('a transfer to another service asks for one fresh read (the agency may differ)', () => {
		const moved = applyTracked(waiting, tracked(11, { serviceId: 's2', serviceName: 'KK' }));
		expect(moved).toMatchObject({
			serviceId: 's2',
			serviceName: 'KK',
			tenantName: 'Disdukcapil',
			position: 3
		});
		expect(needsFollow(waiting, moved)).toBe(true);
		expect(needsFollow(waiting, applyTracked(waiting, tracked(11, { status: 'called' })))).toBe(false);
	});
});

describe('applyFollow', () => {
	const state = (seq: number): TicketFollowState => ({
		mppId: 'm1',
		seq,
		ticket: tracked(seq, { status: 'called', counterName: 'Loket 5', callCount: 2 }).ticket,
		tenantName: 'Disdukcapil Kota',
		position: null,
		estimatedWaitMinutes: null
	});

	it('replaces the first paint, which has no seq, with the whole fresh state', () => {
		const first = { ...waiting, seq: -1 };
		expect(applyFollow(first, state(0))).toEqual({
			seq: 0,
			status: 'called',
			serviceId: 's1',
			serviceName: 'KTP-el',
			tenantName: 'Disdukcapil Kota',
			counterName: 'Loket 5',
			callCount: 2,
			position: null,
			estimatedWaitMinutes: null
		});
	});

	it('loses to an event newer than the read that answered late', () => {
		const served = applyTracked(waiting, tracked(20, { status: 'serving', counterName: 'Loket 5' }));
		expect(applyFollow(served, state(19))).toBe(served);
	});
});

describe('isOpen', () => {
	it('follows waiting, called and serving tickets only', () => {
		expect(['waiting', 'called', 'serving'].every((s) => isOpen(s as LiveTicket['status']))).toBe(true);
		expect(['done', 'no_show', 'cancelled'].some((s) => isOpen(s as LiveTicket['status']))).toBe(false);
	});
});

describe('firstPaint', () => {
	it('keeps only what the socket can change, outside any sequence', () => {
		const tracking = { ...waiting, trackCode: 'abcdefghjk', issuedAt: 'Senin, 5 Jan 2026 08:01:00 WITA' };
		expect(firstPaint(tracking)).toEqual({ ...waiting, seq: -1 });
	});
});
