import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { ministryRoomRefusal, mppRoomRefusal } from './access';

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
