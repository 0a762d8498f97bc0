import type { Blockquote, Text } from 'mdast';
import type { Locale } from '../../text/localised.ts';
import { INTL_LOCALE } from '../../../i18n/intl-locales.ts';

export const CALLOUT_TYPES = ['NOTE', 'TIP', 'WARNING', 'EXAMPLE', 'EXERCISE', 'STATUS'] as const;
export type CalloutType = (typeof CALLOUT_TYPES)[number];

/** What a blockquote's first line says, when it starts with `[!…]`. */
export type CalloutMarker = {
	/** As written, upper-cased for the known ones. */
	type: string;
	arg: string | null;
	/** The text node holding the marker, and the marker's length in it. */
	text: Text;
	length: number;
	/** True when something follows the marker on its first line. */
	trailing: boolean;
};

const MARKER = /^\[!([A-Za-z]+)(?:[ \t]+([^\]\n]*))?\]/;
export const STATUS_DATE = /^\d{4}-(0[1-9]|1[0-2])$/;

export function readCalloutMarker(quote: Blockquote): CalloutMarker | null {
	const first = quote.children[0];
	if (first?.type !== 'paragraph') return null;
	const text = first.children[0];
	if (text?.type !== 'text') return null;
	const m = MARKER.exec(text.value);
	if (!m) return null;
	const type = m[1];
	if (type === undefined) return null;
	const rest = text.value.slice(m[0].length);
	const trailing = !(rest === '' ? first.children.length === 1 : /^[ \t]*\n/.test(rest));
	return { type, arg: m[2]?.trim() ?? null, text, length: m[0].length, trailing };
}

export const isCalloutType = (t: string): t is CalloutType =>
	(CALLOUT_TYPES as readonly string[]).includes(t);

/** Why a marker is wrong, or null when it is fine: shared by the checker and the renderer. */
export function calloutMarkerProblem(marker: CalloutMarker): string | null {
	const written = `[!${marker.type}${marker.arg === null ? '' : ` ${marker.arg}`}]`;
	if (!isCalloutType(marker.type)) {
		return `unknown block ${written} (use ${CALLOUT_TYPES.slice(0, -1).join(', ')} or STATUS YYYY-MM)`;
	}
	if (marker.type === 'STATUS' && (marker.arg === null || !STATUS_DATE.test(marker.arg))) {
		return `${written} needs a year and month written YYYY-MM, such as [!STATUS 2026-11]`;
	}
	if (marker.type !== 'STATUS' && marker.arg !== null)
		return `${written} takes nothing after ${marker.type}`;
	if (marker.trailing) return `the block marker ${written} must be alone on its line`;
	return null;
}

const LABELS: Record<Exclude<CalloutType, 'STATUS'>, Record<Locale, string>> = {
	NOTE: { ar: 'ملاحظة', fr: 'À savoir', en: 'Note' },
	TIP: { ar: 'نصيحة', fr: 'Conseil', en: 'Tip' },
	WARNING: { ar: 'تنبيه', fr: 'Attention', en: 'Warning' },
	EXAMPLE: { ar: 'مثال تطبيقي', fr: 'Exemple', en: 'Worked example' },
	EXERCISE: {
		ar: 'جرّبه في بلديتك',
		fr: 'À faire dans votre commune',
		en: 'Try it in your municipality'
	}
};

// The STATUS month is the state of the sources the block relies on, not the day it was written.
const STATUS_LABEL: Record<Locale, (date: string) => string> = {
	ar: (d) => `حالة المصادر: ${d}`,
	fr: (d) => `État des sources\u202f: ${d}`,
	en: (d) => `State of sources: ${d}`
};

/** The heading shown on a block, in the lesson's language; STATUS names its month with Intl. */
export function calloutLabel(type: CalloutType, arg: string | null, locale: Locale): string {
	if (type !== 'STATUS') return LABELS[type][locale];
	const [year, month] = (arg ?? '').split('-').map(Number);
	const date = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
		year: 'numeric',
		month: 'long',
		timeZone: 'UTC'
	}).format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 1)));
	return STATUS_LABEL[locale](date);
}
