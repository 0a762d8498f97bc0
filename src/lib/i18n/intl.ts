import { getLocale } from '$lib/paraglide/runtime';
import { INTL_LOCALE } from './intl-locales';

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
