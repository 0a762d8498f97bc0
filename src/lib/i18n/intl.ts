import { getLocale } from '$lib/paraglide/runtime';
import { INTL_LOCALE } from './intl-locales';
import {
	countOf,
	dateFormat,
	numberFormat,
	formatScore as formatScoreIn,
	formatSigned as formatSignedIn
} from '../format/numbers';

/** The BCP 47 locale to hand to Intl for the page's language. */
export function intlLocale(locale = getLocale()): string {
	return INTL_LOCALE[locale];
}

export const formatNumber = (n: number, options?: Intl.NumberFormatOptions) =>
	numberFormat(intlLocale(), options).format(n);
export const formatDate = (
	d: Date | string,
	options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }
) => dateFormat(intlLocale(), options).format(typeof d === 'string' ? new Date(d) : d);
/** A score or share (0–100) with its percent sign, by the one rounding rule (lib/format/numbers). */
export const formatScore = (value: number) => formatScoreIn(value, getLocale());
/** A difference with its sign; show it inside <SignedNumber> so RTL keeps the sign in front. */
export const formatSigned = (value: number, unit?: 'percent') =>
	formatSignedIn(value, getLocale(), unit);
/** The inputs of a counted message in the page's language: `m.quiz_points(counted(8))`. */
export const counted = (count: number) => countOf(count, getLocale());
