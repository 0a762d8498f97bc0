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

// Building an Intl formatter costs about 60 µs (a date one 120 µs), formatting with a built one
// under 1 µs: a 500-learner cohort grid formats a few thousand cells, so formatters are built
// once per locale and options and kept (a handful of shapes, so the maps stay small).
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The Intl.NumberFormat for a BCP 47 locale and options, built once. */
export function numberFormat(intlLocale: string, options?: Intl.NumberFormatOptions) {
	const key = `${intlLocale}|${JSON.stringify(options ?? {})}`;
	let f = numberFormats.get(key);
	if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(intlLocale, options)));
	return f;
}

/** The Intl.DateTimeFormat for a BCP 47 locale and options, built once. */
export function dateFormat(intlLocale: string, options?: Intl.DateTimeFormatOptions) {
	const key = `${intlLocale}|${JSON.stringify(options ?? {})}`;
	let f = dateFormats.get(key);
	if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(intlLocale, options)));
	return f;
}

const percentFormat = (locale: NumberLocale, signed: boolean) =>
	numberFormat(INTL_LOCALE[locale], {
		style: 'unit',
		unit: 'percent',
		maximumFractionDigits: 1,
		signDisplay: signed ? 'exceptZero' : 'auto'
	});

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
	return numberFormat(INTL_LOCALE[locale], {
		maximumFractionDigits: 1,
		signDisplay: 'exceptZero'
	}).format(rounded);
}

/**
 * A confidence interval, "low – high", each bound by the rounding rule above in the locale's
 * decimal sign ("2,1 – 8,3" in French and Arabic, "2.1 – 8.3" in English). Bounds can be
 * negative: in right-to-left text it sits in <bdi dir="ltr"> like a signed number.
 */
export function formatInterval(low: number, high: number, locale: NumberLocale): string {
	const f = numberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1 });
	return `${f.format(roundTenths(low))} – ${f.format(roundTenths(high))}`;
}

/**
 * The inputs of a counted message (messages/*.json with a `countPlural` selector): the number
 * that picks the plural form — Arabic has six: دقيقة واحدة، دقيقتان، 3 دقائق، 11 دقيقة… — and
 * the same number as text in the page's locale.
 */
export function countOf(count: number, locale: NumberLocale): { count: number; countText: string } {
	return { count, countText: numberFormat(INTL_LOCALE[locale]).format(count) };
}
