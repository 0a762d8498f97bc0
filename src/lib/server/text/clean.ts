// Text that one person types and others read (names on the verify page and certificates,
// revocation reasons) must not be able to reorder or hide what is around it. One function
// cleans every such field at input, so what is stored is what everyone sees.

// Lone surrogates (what invalid UTF-8 becomes once decoded) have no character to show.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Bidi embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), the marks
// (U+200E, U+200F, U+061C), zero-width space, word joiner, invisible operators (U+2061–U+2064),
// byte-order mark and the replacement character: none belong in a name or a reason.
const INVISIBLE = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFFD]/g;
// Line and paragraph breaks of every kind: these fields are one line.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
// C0 and C1 controls and DEL: matching them is the point of this pattern.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;
// ZWNJ / ZWJ shape Arabic-script words (Persian می‌خواهم); they stay only between two
// Arabic-script letters, where they do that work.
const JOINER = /[\u200C\u200D]/g;
const ARABIC_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FC\u0750-\u077F\u08A0-\u08C9]/;

const keepJoiner = (joiner: string, at: number, whole: string) =>
	ARABIC_LETTER.test(whole[at - 1] ?? '') && ARABIC_LETTER.test(whole[at + 1] ?? '') ? joiner : '';

/** Cleans a one-line free-text field: no controls or invisible formatting, NFC, single spaces,
 * trimmed. What it returns is what others will see. */
export function cleanText(input: string): string {
	return input
		.replace(LONE_SURROGATE, '')
		.normalize('NFC')
		.replace(BREAKS, ' ')
		.replace(CONTROLS, '')
		.replace(INVISIBLE, '')
		.replace(JOINER, keepJoiner)
		.replace(/\s+/g, ' ')
		.trim();
}
