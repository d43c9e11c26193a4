// What tenants, services and counters may be (the database checks the same, as a last line).
import { z } from 'zod';
import { checkbox, id, optionalWhole, problemMessage, text, uppercaseCode, whole } from './input';

const ids = z.preprocess(
	(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
	z.array(id).max(200)
);

/** In forms and the setup CSV, `local` marks a service as local only (issue 14). */
export const LOCAL_ONLY = 'local';

/** A standard service code, `local`, or empty for "not decided yet". */
const standard = z
	.preprocess(
		(v) => (v === undefined || v === null ? '' : v),
		z
			.string(problemMessage('admin.invalid.choice'))
			.trim()
			.max(32, problemMessage('admin.invalid.choice'))
			.regex(/^[A-Za-z0-9_]*$/, problemMessage('admin.invalid.choice'))
	)
	.transform((v) =>
		v === ''
			? { standardCode: null, localOnly: false }
			: v.toLowerCase() === LOCAL_ONLY
				? { standardCode: null, localOnly: true }
				: { standardCode: v.toUpperCase(), localOnly: false }
	);

export const tenantSchema = z.object({
	code: uppercaseCode(/^[A-Z0-9_]{1,32}$/, 'admin.invalid.code'),
	name: text(200)
});

export const serviceSchema = z.object({
	tenantId: id,
	code: uppercaseCode(/^[A-Z0-9_]{1,32}$/, 'admin.invalid.code'),
	prefix: uppercaseCode(/^[A-Z]{1,2}$/, 'admin.invalid.prefix'),
	name: text(200),
	targetWaitMinutes: whole(1, 600),
	dailyQuota: optionalWhole(1, 999),
	cutoffMinutes: whole(0, 600),
	// online booking (issue 12); absent in a catalogue import, where the defaults apply
	bookingShare: whole(0, 100).optional(),
	bookingHorizonDays: whole(1, 90).optional(),
	bookingReleaseHour: whole(0, 23).optional(),
	priorityReserveShare: whole(0, 50).optional(),
	counterIds: ids,
	standard,
	/** the officer saw the warning "no counter serves this service" and saves anyway */
	confirmNoCounter: checkbox
});

export const counterSchema = z.object({
	name: text(60),
	tenantId: z.preprocess((v) => (v === '' || v === undefined ? null : v), id.nullable()),
	serviceIds: ids
});

export const serviceDeactivationSchema = z.object({
	decision: z.enum(['transfer', 'finish_day'], problemMessage('admin.invalid.choice')).optional(),
	targetServiceId: z.preprocess((v) => (v === '' ? undefined : v), id.optional())
});

export const counterDeactivationSchema = z.object({
	handoverCounterId: z.preprocess((v) => (v === '' ? undefined : v), id.optional()),
	confirmNoCounter: checkbox
});

export type ServiceInput = z.infer<typeof serviceSchema>;
export type CounterInput = z.infer<typeof counterSchema>;
