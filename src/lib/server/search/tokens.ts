import { normaliseText } from '../text/normalise.ts';

// Arabic writes "the", "and the", "with the", "for the" … attached to the word. Indexing each
// word also without these lets a search for ميزانية find الميزانية and والميزانية.
const ARABIC_ARTICLES = ['وبال', 'وال', 'بال', 'فال', 'كال', 'لل', 'ال'];
const ARABIC_WORD = /^[\u0621-\u064A]+$/;

/** Search terms of a text: normalised words, letters and digits only. */
export function terms(text: string): string[] {
	return normaliseText(text)
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.split(' ')
		.filter(Boolean);
}

/** A word without its attached Arabic article, or null when it has none. */
export function withoutArticle(word: string): string | null {
	if (!ARABIC_WORD.test(word)) return null;
	for (const a of ARABIC_ARTICLES) {
		if (word.startsWith(a) && word.length - a.length >= 2) return word.slice(a.length);
	}
	return null;
}

/** What goes into the index for a text: its terms, then article-less variants of Arabic ones. */
export function indexText(text: string): string {
	const words = terms(text);
	const extra = words.map(withoutArticle).filter((w): w is string => w !== null);
	return [...words, ...extra].join(' ');
}

/** An FTS5 query that finds every term as a word prefix (all terms required); null if empty. */
export function matchQuery(query: string): string | null {
	const words = terms(query)
		.filter((w) => w.length >= 2)
		.slice(0, 8);
	if (words.length === 0) return null;
	// Quoted, so nothing a user types is read as FTS5 syntax.
	return words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' ');
}
