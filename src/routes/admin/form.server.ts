// The admin pages' form actions, all alike: read the form, call one admin service (whose save sends
// what it changed on the bus with its commit), and answer with translated problems per field (or a redirect) — never a 500
// for bad input.
import { fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { t, type Locale, type MessageKey } from '$lib/i18n';
import { requireSuperadmin } from '$lib/server/admin/access';
import type { ImportReport } from '$lib/server/admin/bulk';
import { isFieldError, type FieldProblems } from '$lib/server/admin/input';
import type { Saved } from '$lib/server/admin/live';
import { isAppError, type AppError } from '$lib/server/errors';
import { discardBody } from '$lib/server/http';
import { isSafeKey, isUnsafeKey, safeRecord, UnsafeKey } from '$lib/server/safe-keys';
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
	/** an edge node's token, shown once (issue 13) */
	edgeToken?: { name: string; token: string };
}

/** One segment of a field name: letters, digits, `_` and `-` (no brackets, no empty segment). */
const SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Form fields as an object: `hours.mon.from` nests, a repeated name (checkboxes) becomes a list.
 * Every level has no prototype and a name with a prototype segment (`__proto__.x`,
 * `constructor.prototype.x`), brackets or an empty segment is refused with UnsafeKey (issue 10 item 2).
 */
export function formObject(data: FormData, lists: string[] = []): Record<string, unknown> {
	const result = Object.create(null) as Record<string, unknown>;
	for (const list of lists) result[list] = data.getAll(list).map(String);
	for (const [name, value] of data) {
		if (lists.includes(name) || typeof value !== 'string') continue;
		const path = name.split('.');
		if (path.some((part) => !SEGMENT.test(part) || !isSafeKey(part))) throw new UnsafeKey(name);
		let at = result;
		for (const part of path.slice(0, -1)) {
			const next = at[part];
			// `a=1` and `a.b=2` together: the name cannot be both a value and a group
			if (next !== undefined && (typeof next !== 'object' || Array.isArray(next))) throw new UnsafeKey(name);
			at = (next ?? (at[part] = Object.create(null))) as Record<string, unknown>;
		}
		const last = path[path.length - 1];
		if (typeof at[last] === 'object') throw new UnsafeKey(name);
		at[last] = value;
	}
	return result;
}

/**
 * A form action that decides who may act before it parses the body: `allow` runs first
 * (it throws 401/403/404 as AppError), then `handle` gets what it returned and the form. A refusal,
 * a body that is no readable form, or a field name that formObject refuses is answered in words
 * without a 500 (issue 10 item 2).
 */
export function guarded<E extends RequestEvent & { locals: App.Locals }, A, R>(
	allow: (event: NoInfer<E>) => A | Promise<A>,
	handle: (event: E, allowed: A, form: FormData) => Promise<R>
): (event: E) => Promise<R | ActionFailure<FormResult>> {
	return async (event) => {
		let allowed: A;
		try {
			allowed = await allow(event);
		} catch (error) {
			if (!isAppError(error)) throw error;
			// thrown away unparsed, so the refusal goes out whole on a usable connection (item 8)
			await discardBody(event.request).catch(() => undefined);
			return refusal(event.locals.locale, error);
		}
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch {
			const message = t(event.locals.locale, 'admin.error.unreadable');
			return fail(400, { form: '', errors: {}, message } as FormResult);
		}
		try {
			return await handle(event, allowed, form);
		} catch (error) {
			if (!isUnsafeKey(error)) throw error;
			const message = t(event.locals.locale, 'admin.error.fieldName', { name: error.key.slice(0, 100) });
			return fail(400, { form: '', errors: {}, message } as FormResult);
		}
	};
}

/** The access check of the superadmin's actions (see `guarded`). */
export const superadmin = ({ locals }: { locals: App.Locals }) => requireSuperadmin(locals.actor);

function refusal(locale: Locale, error: AppError) {
	const key =
		error.status === 401
			? 'admin.error.signIn'
			: error.status === 404
				? 'admin.error.notFound'
				: 'admin.error.forbidden';
	return fail(error.status, { form: '', errors: {}, message: t(locale, key) } as FormResult);
}

const translate = (locale: Locale, key: string, params?: Record<string, string | number>) =>
	(t as (l: Locale, k: MessageKey, p?: Record<string, string | number>) => string)(
		locale,
		key as MessageKey,
		params
	);

export function translateProblems(locale: Locale, fields: FieldProblems): Record<string, string> {
	return safeRecord(Object.entries(fields).map(([field, p]) => [field, translate(locale, p.key, p.params)]));
}

/**
 * Runs a save. Success: redirect to `then` (when given) or answer `{ saved: true }`.
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
		await work();
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

/** An import's report for the page: each problem in the reader's language, with its line and column. */
export function translateReport(locale: Locale, report: ImportReport) {
	return {
		...report,
		errors: report.errors.map((e) => ({
			line: e.line,
			field: e.field,
			message: translateProblems(locale, { x: e }).x
		})),
		warnings: report.warnings.map((w) => translateProblems(locale, { x: w }).x)
	};
}

/** The text of the form's uploaded CSV, or null when there is none or it is larger than `maxBytes`. */
export async function uploadedCsv(form: FormData, maxBytes: number): Promise<string | null> {
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0 || file.size > maxBytes) return null;
	return file.text();
}
