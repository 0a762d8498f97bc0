// Tunisian conventions for numbers and dates: Western digits in Arabic (as in Tunisia and the
// Maghreb, and the same in Node and in browsers; plain `ar` gives ٢ in Chromium but 2 in Node,
// which would change the text at hydration) and Tunisian month names (جانفي، فيفري …).
// No imports: pages (intl.ts) and the API's error table (lib/server) both read it.
export const INTL_LOCALE = { ar: 'ar-TN', fr: 'fr-TN', en: 'en' } as const;
