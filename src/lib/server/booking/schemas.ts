// What the booking doors accept (the JSON API and the /book form post the same fields).
import { z } from 'zod';

export const localDateField = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
	.refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'not a calendar date');

export const slotTimeField = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (local time)');

/** 0812…, 62812…, +62 812-… → +62812…; anything else is left for the pattern to refuse. */
export function normalizePhone(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const digits = value.replace(/[\s().-]/g, '');
	if (digits === '') return null;
	if (/^0\d+$/.test(digits)) return `+62${digits.slice(1)}`;
	if (/^62\d+$/.test(digits)) return `+${digits}`;
	return digits;
}

const consent = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

export const bookingFields = z
	.strictObject({
		serviceId: z.uuid(),
		date: localDateField,
		time: slotTimeField,
		name: z
			.string()
			.trim()
			.min(1, 'required')
			.max(100)
			.refine((v) => !/\p{Cc}/u.test(v), 'no control characters'),
		// personal data (UU 27/2022): only for reminders, only with the box ticked
		phone: z.preprocess(
			normalizePhone,
			z
				.string()
				.regex(/^\+62[0-9]{8,13}$/, 'an Indonesian number such as 0812 3456 7890')
				.nullish()
		),
		phoneConsent: consent.optional()
	})
	.refine((b) => !b.phone || b.phoneConsent === true, {
		path: ['phoneConsent'],
		message: 'a phone number is kept only with consent to reminders'
	});

export type BookingFields = z.infer<typeof bookingFields>;

export const slotsQuery = z.strictObject({ serviceId: z.uuid(), date: localDateField });
