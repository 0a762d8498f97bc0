import { createRequire } from 'node:module';
import { visualRuns } from './bidi-runs.ts';

/**
 * Drawing helpers for certificate lines: bidi-aware placement, fitting and wrapping. Every
 * string goes to pdfkit with `features: []`, which makes it lay the string out as one shaped
 * run instead of word by word (see bidi-runs.ts for why that matters for Arabic).
 */
const require = createRequire(import.meta.url);

/** Amiri (Arabic and Latin glyphs) from its npm package, found from here so dist-server works too. */
export function amiriPath(weight: 'Regular' | 'Bold'): string {
	const dir = weight === 'Regular' ? '400Regular' : '700Bold';
	return require.resolve(`@expo-google-fonts/amiri/${dir}/Amiri_${dir}.ttf`);
}

export type Dir = 'ltr' | 'rtl';
export type LineStyle = { font: 'Regular' | 'Bold'; size: number; color: string };
/** Horizontal box a line is placed in; `start` is the reading side (the right in Arabic). */
export type Box = { x: number; width: number; align: 'center' | 'start' | 'end' };

const NO_FEATURES = { features: [] as PDFKit.Mixins.OpenTypeFeatures[] };

/** Width of a line as it will be drawn. */
export function lineWidth(
	doc: PDFKit.PDFDocument,
	text: string,
	dir: Dir,
	style: LineStyle
): number {
	doc.font(style.font).fontSize(style.size);
	return visualRuns(text, dir).reduce((w, run) => w + doc.widthOfString(run.text, NO_FEATURES), 0);
}

/** Draws one line at `y`, run by run in visual order. */
export function drawLine(
	doc: PDFKit.PDFDocument,
	text: string,
	y: number,
	dir: Dir,
	style: LineStyle,
	box: Box
): void {
	doc.font(style.font).fontSize(style.size).fillColor(style.color);
	const runs = visualRuns(text, dir).map((run) => ({
		text: run.text,
		width: doc.widthOfString(run.text, NO_FEATURES)
	}));
	const total = runs.reduce((w, r) => w + r.width, 0);
	const flush =
		box.align === 'center'
			? 'center'
			: (box.align === 'start') === (dir === 'ltr')
				? 'left'
				: 'right';
	let x =
		flush === 'left'
			? box.x
			: flush === 'right'
				? box.x + box.width - total
				: box.x + (box.width - total) / 2;
	for (const run of runs) {
		doc.text(run.text, x, y, { ...NO_FEATURES, lineBreak: false });
		x += run.width;
	}
}

/** The largest size up to `style.size` (and at least `min`) at which the line fits `width`. */
export function fitSize(
	doc: PDFKit.PDFDocument,
	text: string,
	dir: Dir,
	style: LineStyle,
	width: number,
	min: number
): number {
	let size = style.size;
	while (size > min && lineWidth(doc, text, dir, { ...style, size }) > width) size -= 1;
	return size;
}

/**
 * Breaks text into lines no wider than `width`, at spaces, in logical order: each line is then
 * reordered on its own by drawLine, as the bidi algorithm wants (wrap first, reorder after).
 */
export function wrapLines(
	doc: PDFKit.PDFDocument,
	text: string,
	dir: Dir,
	style: LineStyle,
	width: number
): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		if (line && lineWidth(doc, candidate, dir, style) > width) {
			lines.push(line);
			line = word;
		} else line = candidate;
	}
	if (line) lines.push(line);
	return lines;
}
