// The platform's languages and the one way to choose, from text written in several of them,
// the text a reader sees: their language first, then the course's, then the platform's order.
// (Paraglide's Locale, for interface text, is the same three codes.)

export const LOCALES = ['ar', 'fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type Localised = Partial<Record<Locale, string>>;
export type LocalisedList = Partial<Record<Locale, string[]>>;

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Locales to try for a reader: theirs, then the course's, then the platform's order. */
export function localeOrder(locale: Locale, courseLocales: readonly Locale[] = []): Locale[] {
	return [...new Set<Locale>([locale, ...courseLocales, ...LOCALES])];
}

/**
 * The text in the first of `prefer` that has it, else in any platform language, else ''. Reads
 * plain data defensively (a stored snapshot may be older than today's types): a string is its
 * own text, anything that is not a map of strings has none.
 */
export function localText(value: unknown, prefer: Locale | readonly Locale[]): string {
	if (typeof value === 'string') return value;
	if (typeof value !== 'object' || value === null) return '';
	const map = value as Record<string, unknown>;
	for (const locale of [...(typeof prefer === 'string' ? [prefer] : prefer), ...LOCALES]) {
		const text = map[locale];
		if (typeof text === 'string' && text !== '') return text;
	}
	return '';
}
