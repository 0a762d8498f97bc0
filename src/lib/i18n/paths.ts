import { getLocale, locales, type Locale } from '$lib/paraglide/runtime';

// Our URLs are `/{locale}/rest`. Plain string work here replaces Paraglide's URLPattern-based
// helpers, which cost half of a page's render time (measured with --cpu-prof; see bench notes).
const PREFIX = /^\/(ar|fr|en)(?=\/|$)/;

/** The locale a path starts with, if any. */
export function localeOfPath(pathname: string): Locale | undefined {
	return PREFIX.exec(pathname)?.[1] as Locale | undefined;
}

/** The path without its locale prefix (`/fr/account` -> `/account`, `/fr` -> `/`). */
export function stripLocale(pathname: string): string {
	return pathname.replace(PREFIX, '') || '/';
}

/** A site path in a locale (`/account` -> `/fr/account`, `/` -> `/fr`). */
export function href(path: string, locale: Locale = getLocale()): string {
	return path === '/' || path === ''
		? `/${locale}`
		: `/${locale}${path.startsWith('/') ? path : `/${path}`}`;
}

export { locales };
export type { Locale };
