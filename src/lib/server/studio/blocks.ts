// Side-by-side translation aligns a lesson's Markdown by blocks: paragraphs, headings, lists,
// callouts, tables and fenced code, as blank lines separate them (a fence keeps its blank lines).
// Block i of the translation sits beside block i of the source.
import { normaliseNewlines } from './lesson-edit.ts';

/** The body's blocks, in order, without the blank lines between them. */
export function splitBlocks(body: string): string[] {
	const blocks: string[] = [];
	let current: string[] = [];
	let fence: string | null = null;
	const flush = () => {
		if (current.length > 0) blocks.push(current.join('\n'));
		current = [];
	};
	for (const line of normaliseNewlines(body).split('\n')) {
		const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
		if (fence === null && marker) fence = marker;
		else if (fence !== null && marker?.startsWith(fence)) fence = null;
		if (fence === null && line.trim() === '') flush();
		else current.push(line);
	}
	flush();
	return blocks;
}

/** The translation's body from its blocks: empty ones dropped, one blank line between the rest. */
export function joinBlocks(blocks: readonly string[]): string {
	const kept = blocks
		.map((b) =>
			normaliseNewlines(b)
				.replace(/^(\s*\n)+/, '')
				.trimEnd()
		)
		.filter((b) => b !== '');
	return kept.length === 0 ? '' : `${kept.join('\n\n')}\n`;
}

export type AlignedRow = { source: string | null; target: string };

/** Source and translation block by block; extra translation blocks get rows of their own. */
export function alignBlocks(source: readonly string[], target: readonly string[]): AlignedRow[] {
	const n = Math.max(source.length, target.length);
	return Array.from({ length: n }, (_, i) => ({
		source: source[i] ?? null,
		target: target[i] ?? ''
	}));
}
