import { getLocale } from '$lib/paraglide/runtime';

// Tunisian conventions for numbers and dates: Western digits in Arabic (as in Tunisia and the
// Maghreb, and the same in Node and in browsers; plain `ar` gives ٢ in Chromium but 2 in Node,
// which would change the text at hydration) and Tunisian month names (جانفي، فيفري …).
const INTL_LOCALE = { ar: 'ar-TN', fr: 'fr-TN', en: 'en' } as const;

/** The BCP 47 locale to hand to Intl for the page's language. */
export function intlLocale(locale = getLocale()): string {
	return INTL_LOCALE[locale];
}

export const formatNumber = (n: number, options?: Intl.NumberFormatOptions) =>
	new Intl.NumberFormat(intlLocale(), options).format(n);
export const formatDate = (
	d: Date | string,
	options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }
) => new Intl.DateTimeFormat(intlLocale(), options).format(typeof d === 'string' ? new Date(d) : d);
