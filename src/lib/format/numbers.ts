// Scores, percentages and signed differences, formatted the same way on every page, in the PDF
// and in the API's words. No imports but the locale table: pages, the Fastify server and the
// command-line tools all load this file.
import { INTL_LOCALE } from '../i18n/intl-locales.ts';

export type NumberLocale = keyof typeof INTL_LOCALE;

/**
 * The one rounding rule for scores, percentages and gains: tenths, rounded toward zero, so a
 * shown score never reaches a pass mark the real one missed (79.96 shows 79.9, not 80).
 * Values arrive with two decimals (86.67); rounding to hundredths first undoes float noise
 * (57.3 is stored as 57.29999…, which must not show 57.2).
 */
export function roundTenths(value: number): number {
	const hundredths = Math.round(value * 100);
	return Math.trunc(hundredths / 10) / 10;
}

// Building an Intl.NumberFormat costs far more than formatting with one (3 % of a lesson page's
// CPU time when each call built its own), and the few shapes used here never change.
const formats = new Map<string, Intl.NumberFormat>();

const SHAPES: Record<'plain' | 'percent' | 'signed-percent' | 'signed', Intl.NumberFormatOptions> =
	{
		plain: {},
		percent: { style: 'unit', unit: 'percent', maximumFractionDigits: 1, signDisplay: 'auto' },
		'signed-percent': {
			style: 'unit',
			unit: 'percent',
			maximumFractionDigits: 1,
			signDisplay: 'exceptZero'
		},
		signed: { maximumFractionDigits: 1, signDisplay: 'exceptZero' }
	};

/** The shared formatter for a locale and one of this file's fixed option sets. */
export function numberFormat(
	locale: NumberLocale,
	shape: 'plain' | 'percent' | 'signed-percent' | 'signed' = 'plain'
): Intl.NumberFormat {
	const key = `${locale}:${shape}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(INTL_LOCALE[locale], SHAPES[shape]);
		formats.set(key, format);
	}
	return format;
}

const percentFormat = (locale: NumberLocale, signed: boolean) =>
	numberFormat(locale, signed ? 'signed-percent' : 'percent');

/** A score or share on a 0–100 scale, with the percent sign: 86.67 → "86,6 %" in French. */
export function formatScore(value: number, locale: NumberLocale): string {
	return percentFormat(locale, false).format(roundTenths(value));
}

/**
 * A difference that can go either way, always with its sign: "+6,7", "−3", "0". In right-to-left
 * text it must sit in an isolate (<bdi dir="ltr">, see SignedNumber.svelte) so the sign stays
 * before the digits.
 */
export function formatSigned(value: number, locale: NumberLocale, unit?: 'percent'): string {
	const rounded = roundTenths(value);
	if (unit === 'percent') return percentFormat(locale, true).format(rounded);
	return numberFormat(locale, 'signed').format(rounded);
}

/**
 * The inputs of a counted message (messages/*.json with a `countPlural` selector): the number
 * that picks the plural form — Arabic has six: دقيقة واحدة، دقيقتان، 3 دقائق، 11 دقيقة… — and
 * the same number as text in the page's locale.
 */
export function countOf(count: number, locale: NumberLocale): { count: number; countText: string } {
	return { count, countText: numberFormat(locale).format(count) };
}
