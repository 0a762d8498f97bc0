import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Locale } from '../text/localised.ts';
import { amiriPath, drawLine, fitSize, wrapLines, type Box, type Dir } from './pdf-draw.ts';
import {
	ACCENT,
	drawFrame,
	drawSignatories,
	drawVerification,
	GOLD,
	INK,
	MUTED,
	style,
	W
} from './pdf-page.ts';
import { certificateText } from './pdf-text.ts';
import type { CertificateSnapshot } from './types.ts';

export type RenderOptions = {
	locale: Locale;
	/** Public page that confirms the certificate; encoded in the QR code and printed under it. */
	verifyUrl: string;
	/** The platform that produced the file (e.g. "Tamkeen"): the PDF's Creator. */
	issuer: string;
};

/** The certificate as an A4 landscape PDF in one language, with a QR code to its verification page. */
export async function renderCertificatePdf(
	snapshot: CertificateSnapshot,
	options: RenderOptions
): Promise<Buffer> {
	const { locale, verifyUrl } = options;
	const dir: Dir = locale === 'ar' ? 'rtl' : 'ltr';
	const text = certificateText(snapshot, locale);
	const qr = await QRCode.toBuffer(verifyUrl, {
		type: 'png',
		margin: 1,
		width: 320,
		errorCorrectionLevel: 'M'
	});
	const doc = new PDFDocument({
		size: 'A4',
		layout: 'landscape',
		margin: 0,
		lang: locale,
		info: {
			Title: `${text.title} — ${snapshot.holderName}`,
			Author: snapshot.issuerName,
			Subject: text.course,
			Keywords: `certificate, ${snapshot.code}, ${snapshot.courseSlug}`,
			Creator: options.issuer
		}
	});
	const done = collect(doc);
	doc.registerFont('Regular', amiriPath('Regular'));
	doc.registerFont('Bold', amiriPath('Bold'));

	drawFrame(doc);
	const centre: Box = { x: 70, width: W - 140, align: 'center' };
	drawLine(doc, snapshot.issuerName, 64, dir, style('Regular', 14, MUTED), centre);
	drawLine(doc, text.title, 94, dir, style('Bold', 34, ACCENT), centre);
	doc
		.moveTo(W / 2 - 60, 160)
		.lineTo(W / 2 + 60, 160)
		.lineWidth(1.2)
		.strokeColor(GOLD)
		.stroke();
	drawLine(doc, text.awardedTo, 176, dir, style('Regular', 14, MUTED), centre);
	const name = style('Bold', 32);
	drawLine(
		doc,
		text.holder,
		200,
		dir,
		{ ...name, size: fitSize(doc, text.holder, dir, name, W - 200, 18) },
		centre
	);
	drawLine(doc, text.for, 258, dir, style('Regular', 14, MUTED), centre);

	const course = style('Bold', 21, ACCENT);
	const courseLines = wrapLines(doc, text.course, dir, course, W - 220).slice(0, 2);
	courseLines.forEach((line, i) => {
		drawLine(doc, line, 284 + i * 32, dir, course, centre);
	});
	const detailsY = 296 + courseLines.length * 32;
	drawLine(doc, text.details.join('   ·   '), detailsY, dir, style('Regular', 13, INK), centre);

	drawVerification(doc, qr, snapshot.code, text.verify, verifyUrl, dir);
	drawSignatories(doc, snapshot, locale, dir);
	doc.end();
	return done;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => {
			resolve(Buffer.concat(chunks));
		});
		doc.on('error', reject);
	});
}
