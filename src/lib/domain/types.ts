// Vocabulary shared by server and client. Pure types and constants, no I/O.

export const roles = ['superadmin', 'ministry', 'mpp_admin', 'supervisor', 'operator'] as const;
export type Role = (typeof roles)[number];

/** UU 25/2009 Art. 29 and its elucidation (DOMAIN §3). */
export const priorityGroups = ['lansia', 'disabilitas', 'ibu_hamil', 'anak', 'korban_bencana'] as const;
export type PriorityGroup = (typeof priorityGroups)[number];

export const ticketStatuses = [
	'waiting',
	'called',
	'serving',
	'done',
	'no_show',
	'cancelled',
	'expired'
] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const counterStatuses = ['open', 'paused', 'closed'] as const;
export type CounterStatus = (typeof counterStatuses)[number];

export const deviceKinds = ['display', 'kiosk', 'feedback'] as const;
export type DeviceKind = (typeof deviceKinds)[number];

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];
/** Local "HH:MM" pairs per weekday; several pairs model breaks such as the Friday prayer. */
export type OpeningHours = Record<Weekday, [string, string][]>;

/** The three Indonesian zones (Keppres 41/1987, DOMAIN §6) and their labels. */
export const indonesianZones: Record<string, 'WIB' | 'WITA' | 'WIT'> = {
	'Asia/Jakarta': 'WIB',
	'Asia/Pontianak': 'WIB',
	'Asia/Makassar': 'WITA',
	'Asia/Jayapura': 'WIT'
};
