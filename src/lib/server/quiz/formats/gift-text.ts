// GIFT's lexical layer: questions are separated by blank lines, `//` lines are comments,
// `\~ \= \# \{ \} \: \\` escape the special characters and `\n` is a newline. Escaped
// characters become private-use placeholders while the structure is parsed (as Moodle does),
// so a plain indexOf('{') never sees an escaped brace; `decode` turns them back.
import type { TextFormat } from './parsed.ts';

const ESCAPES: Record<string, string> = {
	'\\': '\uE000',
	':': '\uE001',
	'#': '\uE002',
	'=': '\uE003',
	'{': '\uE004',
	'}': '\uE005',
	'~': '\uE006',
	n: '\uE007'
};
const DECODED: Record<string, string> = Object.fromEntries(
	Object.entries(ESCAPES).map(([char, mark]) => [mark, char === 'n' ? '\n' : char])
);
const PLACEHOLDER = /[\uE000-\uE007]/g;

/** A `//` comment line of a block, as written, and its 1-based line. */
export type Comment = { text: string; line: number };

/**
 * One question's text, escapes encoded, with the 1-based source line of every character, and
 * its comment lines (Moodle reads a question's idnumber and tags from them).
 */
export type Block = { text: string; lines: number[]; comments: Comment[] };

export function lineAt(block: Block, index: number): number {
	return block.lines[Math.min(Math.max(index, 0), block.lines.length - 1)] ?? 1;
}

/**
 * Splits a GIFT file into blocks; comment lines neither count nor end a block, and a block of
 * comments alone is dropped (so a comment belongs to a question only without a blank line between).
 */
export function splitBlocks(source: string): Block[] {
	const blocks: Block[] = [];
	let current: Block = { text: '', lines: [], comments: [] };
	const close = () => {
		if (current.text.trim() !== '') blocks.push(current);
		current = { text: '', lines: [], comments: [] };
	};
	source
		.replace(/^\uFEFF/, '')
		.split(/\r\n|\r|\n/)
		.forEach((raw, i) => {
			const trimmed = raw.trim();
			if (trimmed === '') {
				close();
				return;
			}
			if (trimmed.startsWith('//')) {
				current.comments.push({ text: trimmed, line: i + 1 });
				return;
			}
			const encoded = encodeEscapes(raw) + '\n';
			current.text += encoded;
			// One line number per UTF-16 unit of the block's text (a spread would overflow on a long line).
			for (let left = encoded.length; left > 0; left--) current.lines.push(i + 1);
		});
	close();
	return blocks;
}

function encodeEscapes(line: string): string {
	return line.replace(/\\([\\:#={}~n])/g, (_, char: string) => ESCAPES[char] ?? char);
}

/** Escaped characters back to themselves, `\n` to a newline. */
export function decode(text: string): string {
	return text.replace(PLACEHOLDER, (mark) => DECODED[mark] ?? mark);
}

const FORMAT = /^\s*\[(html|markdown|plain|moodle)\]/;

/** Strips a leading `[html]`-style marker; an unknown `[word]` is just text, as in Moodle. */
export function readFormat(text: string): { text: string; format: TextFormat | null } {
	const match = FORMAT.exec(text);
	if (!match) return { text: decode(text).trim(), format: null };
	return {
		text: decode(text.slice(match[0].length)).trim(),
		format: match[1] as TextFormat
	};
}

/** A piece of an answer block starting with one of the split characters, and where it starts. */
export type Segment = { marker: string; body: string; at: number };

/**
 * Cuts `text` (which starts at `offset` in its block) before each of `markers`; the first
 * segment has the marker '' and holds what comes before the first marker.
 */
export function splitSegments(
	text: string,
	offset: number,
	markers: string
): [Segment, ...Segment[]] {
	let last: Segment = { marker: '', body: '', at: offset };
	const out: [Segment, ...Segment[]] = [last];
	for (let i = 0; i < text.length; i++) {
		const char = text.charAt(i);
		if (markers.includes(char)) {
			last = { marker: char, body: '', at: offset + i };
			out.push(last);
		} else last.body += char;
	}
	return out;
}
