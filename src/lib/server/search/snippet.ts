import { normaliseWithMap } from '../text/normalise.ts';
import { terms, withoutArticle } from './tokens.ts';

export type Segment = { text: string; mark: boolean };

/** Plain text of sanitised lesson HTML (tags dropped, the few entities we emit decoded). */
export function htmlToText(html: string): string {
	return html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#x27;|&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * A short excerpt of `original` around the first match of the query, with every match marked.
 * Matching happens on normalised text, but the excerpt shows the original letters.
 */
export function snippet(
	original: string,
	query: string,
	{ radius = 90 }: { radius?: number } = {}
): Segment[] {
	const { text, map } = normaliseWithMap(original);
	const needles = [
		...new Set(
			terms(query)
				.flatMap((t) => [t, withoutArticle(t)])
				.filter((t): t is string => !!t && t.length >= 2)
		)
	];
	const ranges: [number, number][] = [];
	for (const n of needles) {
		for (let at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + n.length))
			ranges.push([at, at + n.length]);
	}
	ranges.sort((a, b) => a[0] - b[0]);
	const first = ranges[0]?.[0] ?? 0;
	// Window in normalised positions, widened to whole words.
	let from = Math.max(0, first - radius);
	let to = Math.min(text.length, first + radius * 2);
	while (from > 0 && text[from - 1] !== ' ') from--;
	while (to < text.length && text[to] !== ' ') to++;
	// Past the end of the map is the end of the original text.
	const orig = (i: number) => map[i] ?? original.length;
	const segments: Segment[] = [];
	let cursor = from;
	for (const [s, e] of ranges) {
		if (e <= cursor || s >= to) continue;
		const start = Math.max(s, cursor);
		if (start > cursor)
			segments.push({ text: original.slice(orig(cursor), orig(start)), mark: false });
		segments.push({ text: original.slice(orig(start), orig(Math.min(e, to))), mark: true });
		cursor = Math.min(e, to);
	}
	if (cursor < to) segments.push({ text: original.slice(orig(cursor), orig(to)), mark: false });
	if (from > 0) segments.unshift({ text: '… ', mark: false });
	if (to < text.length) segments.push({ text: ' …', mark: false });
	return segments.filter((s) => s.text.length > 0);
}
