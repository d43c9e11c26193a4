// What an MPP's settings may be. Zones: the three Indonesian ones first (DOMAIN §6), any IANA zone
// the runtime knows otherwise (a future site abroad).
import { z } from 'zod';
import { fromDayForm } from '../../admin/hours';
import { weekdays, type OpeningHours } from '../../domain/types';
import { checkbox, optionalText, problemMessage, text, whole } from './input';

export const indonesianZoneChoices = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

export function isKnownZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return zone.includes('/') || zone === 'UTC';
	} catch {
		return false;
	}
}

// a closed day sends no times, and its unticked checkbox sends nothing at all
const day = z.preprocess(
	(v) => v ?? {},
	z.object({
		open: checkbox,
		from: z.string().trim().optional().default(''),
		to: z.string().trim().optional().default(''),
		breakFrom: z.string().trim().optional().default(''),
		breakTo: z.string().trim().optional().default('')
	})
);

const openingHours = z
	.object(Object.fromEntries(weekdays.map((d) => [d, day])) as Record<(typeof weekdays)[number], typeof day>)
	.transform((days, ctx) => {
		const hours = {} as OpeningHours;
		for (const d of weekdays) {
			const result = fromDayForm(days[d]);
			if ('problem' in result) {
				ctx.addIssue({ code: 'custom', path: [d], message: problemMessage(result.problem) });
				continue;
			}
			hours[d] = result.periods;
		}
		return hours;
	});

const reservedSlugs = new Set(['new', 'people']);

export const mppProfileSchema = z.object({
	name: text(200),
	slug: z
		.string({ error: problemMessage('admin.invalid.required') })
		.trim()
		.toLowerCase()
		.min(1, problemMessage('admin.invalid.required'))
		.max(60, problemMessage('admin.invalid.tooLong', { max: 60 }))
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, problemMessage('admin.invalid.slug'))
		// /admin/new and /admin/people are pages of their own: an MPP there could never be opened
		.refine((slug) => !reservedSlugs.has(slug), problemMessage('admin.invalid.slugTaken')),
	province: text(100),
	city: text(100),
	// Kemendagri region codes: 2 digits (province), 2.2 (regency/city), 2.2.2, 2.2.2.4
	regionCode: optionalText(13)
		.refine(
			(v) => v === '' || /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(v),
			problemMessage('admin.invalid.regionCode')
		)
		.transform((v) => (v === '' ? null : v)),
	timezone: z
		.string({ error: problemMessage('admin.invalid.required') })
		.trim()
		.refine(isKnownZone, problemMessage('admin.invalid.timezone'))
});

export const mppOperationsSchema = z.object({
	openingHours,
	callLimit: whole(1, 10),
	priorityRatio: whole(1, 20),
	runningText: optionalText(500),
	// online booking (issue 12): absent, an MPP keeps (a new one: starts from) the defaults of 0015
	checkinBeforeMinutes: whole(0, 180).optional(),
	checkinAfterMinutes: whole(0, 60).optional(),
	bookingRatio: whole(1, 20).optional()
});

export const mppCreateSchema = mppProfileSchema.extend(mppOperationsSchema.shape);

export const closedDaySchema = z.object({
	date: z
		.string({ error: problemMessage('admin.invalid.date') })
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, problemMessage('admin.invalid.date'))
		.refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), problemMessage('admin.invalid.date')),
	name: text(120)
});

export type MppProfileInput = z.infer<typeof mppProfileSchema>;
export type MppOperationsInput = z.infer<typeof mppOperationsSchema>;
