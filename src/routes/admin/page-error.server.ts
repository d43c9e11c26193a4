// An admin page refused as a whole: the same translated 403/404 as the manager dashboard's.
import { error } from '@sveltejs/kit';
import { t, type Locale } from '$lib/i18n';
import { isAppError } from '$lib/server/errors';

export async function orPageError<T>(locale: Locale, read: () => Promise<T>): Promise<T> {
	try {
		return await read();
	} catch (e) {
		if (!isAppError(e)) throw e;
		const key = e.status === 404 ? 'admin.error.notFound' : 'admin.error.forbidden';
		error(e.status, { code: e.code, message: t(locale, key) });
	}
}
