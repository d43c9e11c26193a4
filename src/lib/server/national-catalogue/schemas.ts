// What a standard service may be (the database checks the same, as a last line). The messages are
// the admin catalogue's, so the shared form helpers show them next to the field.
import { z } from 'zod';
import { checkbox, text, uppercaseCode } from '../admin/input';

export const standardCode = uppercaseCode(/^[A-Z0-9_]{1,32}$/, 'admin.invalid.code');

export const standardServiceSchema = z.object({
	code: standardCode,
	name: text(200),
	agency: text(200),
	mou: checkbox
});

/** Editing never changes the code: MPP mappings and CSV files refer to it. */
export const standardServiceEditSchema = standardServiceSchema.omit({ code: true });

export type StandardServiceInput = z.infer<typeof standardServiceSchema>;
