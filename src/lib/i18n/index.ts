// The message catalogue: Bahasa Indonesia first, English second. Usable on the server and in
// components alike (pure data and functions); the locale travels to components in page data.
import type { MessageKey, ParamsArg } from './catalogue';
import { en } from './messages/en';
import { id } from './messages/id';

export type { MessageKey } from './catalogue';

export const locales = ['id', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'id';

/** Each language named in itself, as a language switch shows it. */
export const localeNames: Record<Locale, string> = { id: 'Bahasa Indonesia', en: 'English' };

const catalogues: Record<Locale, Record<MessageKey, string>> = { id, en };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function t<K extends MessageKey>(locale: Locale, key: K, ...params: ParamsArg<K>): string {
	const text = (catalogues[locale] ?? catalogues[defaultLocale])[key];
	const values = params[0] as Record<string, string | number> | undefined;
	if (!values) return text;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** `t` bound to one locale, for a component: `const m = $derived(translator(data.locale))`. */
export function translator(locale: Locale) {
	return <K extends MessageKey>(key: K, ...params: ParamsArg<K>): string => t(locale, key, ...params);
}
