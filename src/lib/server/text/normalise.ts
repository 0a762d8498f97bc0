// How Arabic and French readers actually type: without tashkeel, with any alef, with ه for ة
// and ي for ى, with the hamza on whichever seat (or none), and French without accents. Search (index and query) and short-answer grading
// compare text through this one function, so they agree.

// Tashkeel (fathatan … sukun, maddah, hamza above/below), superscript alef, Quranic marks.
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;
const ALEF_VARIANTS = /[\u0622\u0623\u0625\u0671\u0672\u0673]/g; // آ أ إ ٱ ٲ ٳ -> ا
const ALEF_MAKSURA = /\u0649/g; // ى -> ي
const TEH_MARBUTA = /\u0629/g; // ة -> ه
// Hamza seats fold to the bare seat letter (ئ -> ي, ؤ -> و), as Arabic search engines do, so
// موسسة finds مؤسسة. The lone hamza ء folds to ي as well: the common misspelling مسائلة then
// meets مساءلة, and إجراء stays a prefix of إجراءات (folding ء only inside words would break
// that). The price is a few rare collisions such as شاء / شاي.
const YEH_HAMZA = /[\u0626\u0621]/g; // ئ ء -> ي
const WAW_HAMZA = /\u0624/g; // ؤ -> و
const LATIN_MARKS = /[\u0300-\u036f]/g;
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669]/g;
const PERSIAN_DIGITS = /[\u06F0-\u06F9]/g;

/** Folds one string for comparison: case, accents, Arabic letter variants, digits, spaces. */
export function normaliseText(input: string): string {
	return input
		.normalize('NFKD')
		.replace(LATIN_MARKS, '')
		.normalize('NFC')
		.replace(ARABIC_MARKS, '')
		.replace(TATWEEL, '')
		.replace(ALEF_VARIANTS, '\u0627')
		.replace(ALEF_MAKSURA, '\u064A')
		.replace(TEH_MARBUTA, '\u0647')
		.replace(YEH_HAMZA, '\u064A')
		.replace(WAW_HAMZA, '\u0648')
		.replace(ARABIC_INDIC_DIGITS, (d) => String(d.charCodeAt(0) - 0x0660))
		.replace(PERSIAN_DIGITS, (d) => String(d.charCodeAt(0) - 0x06f0))
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Normalises `input` one character at a time, keeping for each output character the index of
 * the input character it came from, so a match found in normalised text can be shown (and
 * highlighted) in the original, diacritics and all.
 */
export function normaliseWithMap(input: string): { text: string; map: number[] } {
	const chars: string[] = [];
	const map: number[] = [];
	let i = 0;
	let afterSpace = false;
	for (const ch of input) {
		for (const c of normaliseChar(ch)) {
			// Collapse runs of spaces as normaliseText does.
			if (c === ' ') {
				if (afterSpace) continue;
				afterSpace = true;
			} else afterSpace = false;
			chars.push(c);
			map.push(i);
		}
		i += ch.length;
	}
	return { text: chars.join(''), map };
}

// normaliseText of one character (any space folded to ' '), remembered: a search result page
// folds whole lessons one character at a time, and thirteen passes per character made snippets
// 38 ms of a 39 ms search (issue 15). Lessons use a few hundred distinct characters; the bound
// keeps hostile text from growing the table without end.
const folded = new Map<string, string>();
const FOLDED_MAX = 20_000;

function normaliseChar(ch: string): string {
	let out = folded.get(ch);
	if (out === undefined) {
		out = /\s/.test(ch) ? ' ' : normaliseText(ch);
		if (folded.size < FOLDED_MAX) folded.set(ch, out);
	}
	return out;
}
