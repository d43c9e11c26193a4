// Validation of administration input: which field and why, in words an officer understands. Every
// message is a key of the admin catalogue (`admin.invalid.*`), with its parameters, so the door shows
// it in the reader's language next to the field it belongs to.
import { z } from 'zod';
import { AppError } from '../errors';

export interface FieldProblem {
	key: string;
	params?: Record<string, string | number>;
}

export type FieldProblems = Record<string, FieldProblem>;

/** 422 with a problem per field; thrown before anything is written. */
export class FieldError extends AppError {
	constructor(readonly fields: FieldProblems) {
		super(422, 'invalid_fields', describe(fields));
		this.name = 'FieldError';
	}
}

export function isFieldError(error: unknown): error is FieldError {
	return error instanceof FieldError;
}

export function fieldError(field: string, key: string, params?: FieldProblem['params']): FieldError {
	return new FieldError({ [field]: { key, params } });
}

function describe(fields: FieldProblems): string {
	return Object.entries(fields)
		.map(([field, p]) => `${field}: ${p.key}`)
		.join('; ');
}

// A zod message carries the key and its parameters as `key?name=value&…`.
const message = (key: string, params?: Record<string, string | number>) =>
	params ? `${key}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : key;

function problemOf(issue: z.core.$ZodIssue): FieldProblem {
	const [key, query] = issue.message.split('?');
	if (!key.startsWith('admin.')) return { key: 'admin.invalid.value' };
	return query ? { key, params: Object.fromEntries(new URLSearchParams(query)) } : { key };
}

/** Parses or throws a FieldError naming every field that is wrong (the first problem of each). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	// issue paths can hold names from outside: no prototype to write through
	const fields: FieldProblems = Object.create(null);
	for (const issue of result.error.issues) {
		const field = issue.path.join('.') || 'form';
		fields[field] ??= problemOf(issue);
	}
	throw new FieldError(fields);
}

/** Trimmed text; empty is "required". */
export const text = (max: number) =>
	z
		.string({ error: message('admin.invalid.required') })
		.trim()
		.min(1, message('admin.invalid.required'))
		.max(max, message('admin.invalid.tooLong', { max }));

/** Trimmed text that may be empty (becomes ''). */
export const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, message('admin.invalid.tooLong', { max }))
		.optional()
		.transform((v) => v ?? '');

/** A whole number from a form field or JSON, inside a range. */
export const whole = (min: number, max: number) =>
	z.preprocess(
		(v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : v),
		z
			.number({ error: message('admin.invalid.range', { min, max }) })
			.int(message('admin.invalid.range', { min, max }))
			.min(min, message('admin.invalid.range', { min, max }))
			.max(max, message('admin.invalid.range', { min, max }))
	);

/** Like `whole`, but an empty field means "none" (null). */
export const optionalWhole = (min: number, max: number) =>
	z.preprocess((v) => (v === '' || v === undefined ? null : v), whole(min, max).nullable());

/** An HTML checkbox: present ("on") or absent. */
export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

export const id = z.uuid(message('admin.invalid.choice'));

export const uppercaseCode = (pattern: RegExp, key: string) =>
	z
		.string({ error: message('admin.invalid.required') })
		.trim()
		.toUpperCase()
		.min(1, message('admin.invalid.required'))
		.regex(pattern, message(key));

export { message as problemMessage };
