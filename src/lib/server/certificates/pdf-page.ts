import type { Locale } from '../text/localised.ts';
import { drawLine, type Box, type Dir, type LineStyle } from './pdf-draw.ts';
import type { CertificateSnapshot } from './types.ts';
import { localText } from '../text/localised.ts';

// The fixed parts of the certificate page: frame, verification corner, signatures.
// Sizes in points, A4 landscape.
export const W = 841.89;
const H = 595.28;
export const INK = '#1f2d2e';
export const ACCENT = '#1d5c5e';
export const GOLD = '#a8854a';
export const MUTED = '#5b6566';

export const style = (font: LineStyle['font'], size: number, color = INK): LineStyle => ({
	font,
	size,
	color
});

/** Double rule: a strong outer line and a fine gold one inside it. */
export function drawFrame(doc: PDFKit.PDFDocument): void {
	doc
		.rect(20, 20, W - 40, H - 40)
		.lineWidth(3)
		.strokeColor(ACCENT)
		.stroke();
	doc
		.rect(29, 29, W - 58, H - 58)
		.lineWidth(0.8)
		.strokeColor(GOLD)
		.stroke();
}

/** QR code, code and URL in the lower corner on the reading end (left in Arabic, right otherwise). */
export function drawVerification(
	doc: PDFKit.PDFDocument,
	qr: Buffer,
	code: string,
	label: string,
	url: string,
	dir: Dir
): void {
	const box: Box = { x: dir === 'rtl' ? 44 : W - 244, width: 200, align: 'center' };
	const size = 78;
	drawLine(doc, label, 418, dir, style('Regular', 9, MUTED), box);
	doc.image(qr, box.x + (box.width - size) / 2, 436, { width: size });
	drawLine(doc, code, 516, 'ltr', style('Bold', 12, INK), box);
	drawLine(doc, url, 536, 'ltr', style('Regular', 7, MUTED), box);
}

/** A signature line per signatory, first signatory on the reading side. */
export function drawSignatories(
	doc: PDFKit.PDFDocument,
	s: CertificateSnapshot,
	locale: Locale,
	dir: Dir
): void {
	const people = s.signatories.slice(0, 3);
	if (people.length === 0) return;
	const left = dir === 'rtl' ? 260 : 60;
	const area = W - 320;
	const column = Math.min(230, area / people.length);
	const first = left + (area - column * people.length) / 2;
	people.forEach((person, i) => {
		const slot = dir === 'rtl' ? people.length - 1 - i : i;
		const box: Box = { x: first + slot * column + 15, width: column - 30, align: 'center' };
		doc
			.moveTo(box.x, 492)
			.lineTo(box.x + box.width, 492)
			.lineWidth(0.6)
			.strokeColor(MUTED)
			.stroke();
		drawLine(doc, person.name, 498, dir, style('Bold', 12), box);
		drawLine(doc, localText(person.title, locale), 518, dir, style('Regular', 10, MUTED), box);
	});
}
