// Which language a request wants: the `lang` cookie (set by the language switch), else Bahasa
// Indonesia. Accept-Language is ignored on purpose: staff PCs and lobby TVs in Indonesia often run
// English-language browsers, and Antrean is Indonesian first.
import type { Cookies } from '@sveltejs/kit';
import { defaultLocale, isLocale, type Locale } from './index';

export const LANG_COOKIE = 'lang';

export function localeFromRequest(cookies: Pick<Cookies, 'get'>, _request?: Request): Locale {
	const chosen = cookies.get(LANG_COOKIE);
	if (isLocale(chosen)) return chosen;
	return defaultLocale;
}
