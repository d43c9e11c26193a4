// The admin pages' form actions, all alike: read the form, call one admin service, publish what it
// changed after commit, and answer with translated problems per field (or a redirect) — never a 500
// for bad input.
import { fail, redirect } from '@sveltejs/kit';
import { t, type Locale, type MessageKey } from '$lib/i18n';
import { isFieldError, type FieldProblems } from '$lib/server/admin/input';
import { announce, type Saved } from '$lib/server/admin/live';
import { isAppError } from '$lib/server/errors';
import type { ShownLink } from './link.server';

export interface FormResult {
	/** which form on the page answered */
	form: string;
	saved?: boolean;
	errors?: Record<string, string>;
	message?: string;
	values?: Record<string, unknown>;
	/** an invitation or reset link, shown once (see link.server.ts) */
	link?: ShownLink;
}

/** Form fields as an object: `hours.mon.from` nests, a repeated name (checkboxes) becomes a list. */
export function formObject(data: FormData, lists: string[] = []): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const list of lists) result[list] = data.getAll(list).map(String);
	for (const [name, value] of data) {
		if (lists.includes(name) || typeof value !== 'string') continue;
		const path = name.split('.');
		let at = result;
		for (const part of path.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
		at[path[path.length - 1]] = value;
	}
	return result;
}

const translate = (locale: Locale, key: string, params?: Record<string, string | number>) =>
	(t as (l: Locale, k: MessageKey, p?: Record<string, string | number>) => string)(
		locale,
		key as MessageKey,
		params
	);

export function translateProblems(locale: Locale, fields: FieldProblems): Record<string, string> {
	return Object.fromEntries(
		Object.entries(fields).map(([field, p]) => [field, translate(locale, p.key, p.params)])
	);
}

/**
 * Runs a save. Success: publish, then redirect to `then` (when given) or answer `{ saved: true }`.
 * Failure: 422 with a message per field, 403/404 in words.
 */
export async function act(
	locale: Locale,
	form: string,
	values: Record<string, unknown>,
	work: () => Promise<Saved<unknown>>,
	then?: string
) {
	const failed = await attempt(locale, form, values, work);
	if (failed) return failed;
	if (then) redirect(303, then);
	return { form, saved: true } as FormResult;
}

/**
 * Like `act`, but answers with what `show` takes from the saved value, without a redirect: a link
 * that is shown this once and never again.
 */
export async function actShowing<T>(
	locale: Locale,
	form: string,
	values: Record<string, unknown>,
	work: () => Promise<Saved<T>>,
	show: (value: T) => Record<string, unknown>
) {
	let value: T | undefined;
	const failed = await attempt(locale, form, values, async () => {
		const saved = await work();
		value = saved.value;
		return saved;
	});
	return failed ?? ({ form, saved: true, ...show(value as T) } as FormResult);
}

async function attempt(
	locale: Locale,
	form: string,
	values: Record<string, unknown>,
	work: () => Promise<Saved<unknown>>
) {
	try {
		announce((await work()).live);
	} catch (error) {
		if (isFieldError(error)) {
			return fail(422, { form, errors: translateProblems(locale, error.fields), values } as FormResult);
		}
		if (isAppError(error)) {
			const key = error.status === 403 ? 'admin.error.forbidden' : 'admin.error.notFound';
			return fail(error.status, { form, errors: {}, message: t(locale, key), values } as FormResult);
		}
		throw error;
	}
	return null;
}
