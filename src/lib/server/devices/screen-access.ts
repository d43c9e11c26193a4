// Who may open a device screen (TV display, kiosk, feedback tablet) of an MPP: that kind of device of
// that MPP, and signed-in staff of that MPP (a preview), and superadmin.
import type { DeviceKind } from '../../domain/types';
import { canAccessMpp, mppStaffRoles } from '../access';
import type { Actor } from '../auth/actor';

export type ScreenAccess = 'device' | 'preview' | 'denied';

export function screenAccess(actor: Actor, mppId: string, kind: DeviceKind): ScreenAccess {
	if (actor.kind === 'device')
		return actor.device.mppId === mppId && actor.device.kind === kind ? 'device' : 'denied';
	return canAccessMpp(actor, mppId, { roles: mppStaffRoles }) ? 'preview' : 'denied';
}

/**
 * The code of a screen's refusal: a device an admin revoked is told so (and how to pair again);
 * anyone else sees "not paired". `revoked` is `locals.revokedDevice`.
 */
export function deniedCode(revoked: boolean | undefined): 'device_revoked' | 'not_paired' {
	return revoked ? 'device_revoked' : 'not_paired';
}
