// The language switch posts here: remember the choice in a cookie and go back where the user was.
import { redirect, type RequestHandler } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n';
import { LANG_COOKIE } from '$lib/i18n/request';
import { secureOption } from '$lib/server/auth/cookies';
import { safeRedirectPath } from '$lib/server/auth/home';

const ONE_YEAR = 365 * 24 * 60 * 60;

export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData().catch(() => null);
	const lang = form?.get('lang');
	const back = safeRedirectPath(String(form?.get('redirectTo') ?? '')) ?? '/';
	if (isLocale(lang)) {
		cookies.set(LANG_COOKIE, lang, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			maxAge: ONE_YEAR,
			...secureOption(url)
		});
	}
	redirect(303, back);
};
