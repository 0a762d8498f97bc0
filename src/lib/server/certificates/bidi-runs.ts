import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';

/**
 * Lays out one line of mixed Arabic and Latin text for pdfkit. pdfkit, given `features: []`,
 * hands a whole string to fontkit as one run, and fontkit shapes it and reverses its glyphs
 * whenever the first letter it can name a script for is right-to-left (Arabic letters and
 * Arabic-Indic digits), but never reorders mixed text, never mirrors brackets, and leaves
 * runs without such a letter in the order given. So the line is split into bidi level runs,
 * put in visual order here, and each run is prepared so that fontkit's own reversal (or its
 * absence) comes out right. See shared/reference/toolchain-notes.md §5.
 */
// bidi-js is CommonJS typed as an ES module, and TypeScript's NodeNext and bundler resolutions
// disagree on what its default import is; `require` gets the factory under both.
const bidi = (createRequire(import.meta.url)('bidi-js') as () => Bidi)();

export type VisualRun = {
	/** Text to draw with `features: []`: already prepared for fontkit's reversal. */
	text: string;
	rtl: boolean;
};

type LogicalRun = { text: string; level: number };

/** Bidi classes whose characters make fontkit pick a right-to-left script for the run. */
const RTL_SCRIPT = new Set(['R', 'AL', 'AN']);
/** Characters with a script of their own (Latin, Arabic...), as opposed to Common or Inherited. */
const SCRIPTED = new Set(['L', 'R', 'AL', 'AN']);

function fontkitReverses(text: string): boolean {
	for (const ch of text) {
		const type = bidi.getBidiCharTypeName(ch);
		if (SCRIPTED.has(type)) return RTL_SCRIPT.has(type);
	}
	return false;
}

function mirror(text: string): string {
	return Array.from(text, (ch) => bidi.getMirroredCharacter(ch) ?? ch).join('');
}

function reverse(text: string): string {
	return Array.from(text).reverse().join('');
}

function logicalRuns(text: string, levels: Uint8Array): LogicalRun[] {
	const runs: LogicalRun[] = [];
	let start = 0;
	for (let i = 1; i <= text.length; i++) {
		if (i === text.length || levels[i] !== levels[start]) {
			runs.push({ text: text.slice(start, i), level: levels[start] ?? 0 });
			start = i;
		}
	}
	return runs;
}

/** Unicode rule L2: from the highest level down to the lowest odd one, reverse each stretch at or above it. */
function visualOrder(runs: LogicalRun[]): LogicalRun[] {
	const out = [...runs];
	const levels = out.map((r) => r.level);
	const max = Math.max(0, ...levels);
	const minOdd = Math.min(...levels.map((l) => (l % 2 ? l : l + 1)));
	for (let level = max; level >= minOdd; level--) {
		for (let i = 0; i < out.length;) {
			if ((out[i]?.level ?? 0) < level) {
				i++;
				continue;
			}
			let j = i;
			while (j < out.length && (out[j]?.level ?? 0) >= level) j++;
			out.splice(i, j - i, ...out.slice(i, j).reverse());
			i = j;
		}
	}
	return out;
}

/** The text fontkit must receive so that the run shows in its correct visual order. */
function prepare(run: LogicalRun): VisualRun {
	const rtl = run.level % 2 === 1;
	const reverses = fontkitReverses(run.text);
	// Right-to-left: brackets mirror; fontkit reverses Arabic runs itself, neutral-only runs we reverse.
	if (rtl) return { text: reverses ? mirror(run.text) : reverse(mirror(run.text)), rtl };
	// Left-to-right inside Arabic (Arabic-Indic digits): undo the reversal fontkit will apply.
	return { text: reverses ? reverse(run.text) : run.text, rtl };
}

/**
 * One line (no line breaks) as runs in visual order, left to right. `direction` is the
 * paragraph's: 'rtl' for Arabic certificates, so a line starting with a Latin name still
 * reads from the right.
 */
export function visualRuns(line: string, direction: 'ltr' | 'rtl'): VisualRun[] {
	const text = line.trim();
	if (text === '') return [];
	const { levels } = bidi.getEmbeddingLevels(text, direction);
	return visualOrder(logicalRuns(text, levels)).map(prepare);
}
