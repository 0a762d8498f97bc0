import { normaliseText } from '../text/normalise.ts';

// Arabic writes "the", "and the", "with the", "for the" … and the conjunction و ("and")
// attached to the word. Indexing each word also without them lets a search for ميزانية find
// الميزانية and والميزانية, and بلدية find وبلدية. Only the index gains the stripped forms, never
// the query: و is also a root letter (وزارة, ولاية, وثيقة), so the whole word stays indexed and
// a search for وزارة never turns into a search for زارة.
const ARABIC_ARTICLES = ['وبال', 'وال', 'بال', 'فال', 'كال', 'لل', 'ال'];
const CONJUNCTION = 'و';
const ARABIC_WORD = /^[\u0621-\u064A]+$/;
/** Shorter leftovers (ولد -> لد, وفي -> في) are more often root letters than a real word. */
const MIN_STEM = 3;

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

/**
 * The other forms a normalised Arabic word is indexed under: without its article, without a
 * leading و, and without both (وللبلدية -> للبلديه, بلديه). Empty for other words.
 */
export function strippedForms(word: string): string[] {
	const forms = new Set<string>();
	const article = withoutArticle(word);
	if (article !== null) forms.add(article);
	if (ARABIC_WORD.test(word) && word.startsWith(CONJUNCTION)) {
		const rest = word.slice(CONJUNCTION.length);
		if (rest.length >= MIN_STEM) {
			forms.add(rest);
			const bare = withoutArticle(rest);
			if (bare !== null) forms.add(bare);
		}
	}
	forms.delete(word);
	return [...forms];
}

/** What goes into the index for a text: its terms, then their stripped Arabic forms. */
export function indexText(text: string): string {
	const words = terms(text);
	return [...words, ...words.flatMap(strippedForms)].join(' ');
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
