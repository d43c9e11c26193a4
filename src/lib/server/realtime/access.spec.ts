import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { figuresRoomRefusal, ministryRoomRefusal, mppRoomRefusal } from './access';

const user = (
	role: 'superadmin' | 'ministry' | 'mpp_admin' | 'supervisor' | 'operator',
	mppId: string | null
): Actor => ({
	kind: 'user',
	sessionId: 's',
	user: { id: 'u', email: 'u@uji.test', name: 'U', role, mppId }
});
const device = (kind: 'display' | 'kiosk' | 'feedback', mppId: string): Actor => ({
	kind: 'device',
	device: { id: 'd', mppId, kind, name: 'TV' }
});
const allowed = (actor: Actor, room: 'display' | 'staff', mppId = 'm1') =>
	mppRoomRefusal(actor, room, mppId) === null;

describe('MPP rooms', () => {
	it('a display or kiosk device reads its own MPP display only', () => {
		expect(allowed(device('display', 'm1'), 'display')).toBe(true);
		expect(allowed(device('display', 'm2'), 'display')).toBe(false);
		expect(allowed(device('display', 'm1'), 'staff')).toBe(false);
		expect(allowed(device('kiosk', 'm1'), 'display')).toBe(true);
		expect(allowed(device('kiosk', 'm2'), 'display')).toBe(false);
		expect(allowed(device('kiosk', 'm1'), 'staff')).toBe(false);
		expect(allowed(device('feedback', 'm1'), 'display')).toBe(false);
	});

	it('staff of the MPP may preview its display and follow its staff room; others may not', () => {
		for (const role of ['mpp_admin', 'supervisor', 'operator'] as const) {
			expect(allowed(user(role, 'm1'), 'display')).toBe(true);
			expect(allowed(user(role, 'm1'), 'staff')).toBe(true);
			expect(allowed(user(role, 'm2'), 'staff')).toBe(false);
		}
		expect(allowed(user('superadmin', null), 'staff')).toBe(true);
		expect(allowed(user('ministry', null), 'staff')).toBe(false);
		expect(allowed({ kind: 'anonymous' }, 'display')).toBe(false);
	});

	it('the ministry room is for the ministry and the superadmin', () => {
		expect(ministryRoomRefusal(user('ministry', null))).toBeNull();
		expect(ministryRoomRefusal(user('superadmin', null))).toBeNull();
		expect(ministryRoomRefusal(user('mpp_admin', 'm1'))?.code).toBe('forbidden');
		expect(ministryRoomRefusal({ kind: 'anonymous' })?.code).toBe('forbidden');
	});
});

describe('an MPP’s figures room', () => {
	const may = (actor: Actor, mppId = 'm1') => figuresRoomRefusal(actor, mppId) === null;

	it('is open to the ministry and the superadmin for every MPP', () => {
		expect(may(user('ministry', null))).toBe(true);
		expect(may(user('ministry', null), 'm2')).toBe(true);
		expect(may(user('superadmin', null))).toBe(true);
	});

	it('is open to those who read that MPP’s statistics, and to nobody of another MPP', () => {
		expect(may(user('mpp_admin', 'm1'))).toBe(true);
		expect(may(user('supervisor', 'm1'))).toBe(true);
		for (const role of ['mpp_admin', 'supervisor', 'operator'] as const) {
			expect(figuresRoomRefusal(user(role, 'm2'), 'm1')?.code, role).toBe('forbidden');
		}
		// an operator runs a counter; colleagues' figures are for the people who manage them
		expect(figuresRoomRefusal(user('operator', 'm1'), 'm1')?.code).toBe('forbidden');
	});

	it('is closed to devices and to anonymous sockets', () => {
		for (const kind of ['display', 'kiosk', 'feedback'] as const) {
			expect(figuresRoomRefusal(device(kind, 'm1'), 'm1')?.code, kind).toBe('forbidden');
		}
		expect(figuresRoomRefusal({ kind: 'anonymous' }, 'm1')?.code).toBe('forbidden');
	});
});
