// Who is making a request or holding a socket: a signed-in person or a paired device.
import type { DeviceKind, Role } from '$lib/domain/types';

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	role: Role;
	/** null for the national roles (superadmin, ministry) */
	mppId: string | null;
}

export interface PairedDevice {
	id: string;
	mppId: string;
	kind: DeviceKind;
	name: string;
}

export type Actor =
	| { kind: 'user'; user: SessionUser; sessionId: string }
	| { kind: 'device'; device: PairedDevice }
	| { kind: 'anonymous' };
