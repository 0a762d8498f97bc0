import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCertificatePdf } from '../../../src/lib/server/certificates/pdf.ts';
import type { CertificateSnapshot } from '../../../src/lib/server/certificates/types.ts';

// Real files, real poppler: what pdftotext finds is what a search engine or a screen reader finds.
const ARTIFACTS = path.resolve('tests/artifacts');
const VERIFY = 'https://tamkeen.example.org/verify/TMK-7K3Q-9XW2-M4';

const snapshot = (over: Partial<CertificateSnapshot> = {}): CertificateSnapshot => ({
	code: 'TMK-7K3Q-9XW2-M4',
	type: 'completion',
	holderName: 'Amina Ben Salah',
	courseSlug: 'urban-planning',
	courseTitle: {
		ar: 'التخطيط الحضري المستدام (SDG 11) للبلديات',
		fr: 'Planification urbaine durable (ODD 11) pour les communes',
		en: 'Sustainable urban planning (SDG 11) for municipalities'
	},
	courseVersion: '3.0.0',
	hours: 12,
	score: 85,
	issuedAt: '2026-11-22T09:30:00.000Z',
	issuerName: 'مركز التكوين ودعم اللامركزية',
	signatories: [
		{
			name: 'Sami Trabelsi',
			title: { ar: 'مدير التكوين', fr: 'Directeur de la formation', en: 'Director of training' }
		},
		{
			name: 'ليلى الهمامي',
			title: {
				ar: 'المنسقة البيداغوجية',
				fr: 'Coordinatrice pédagogique',
				en: 'Teaching coordinator'
			}
		}
	],
	locales: ['ar', 'fr', 'en'],
	...over
});

let dir: string;
beforeAll(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-certificates-'));
	fs.mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(() => {
	fs.rmSync(dir, { recursive: true, force: true });
});

/** Renders, saves a PNG for people to look at, and returns the text poppler extracts. */
async function render(name: string, s: CertificateSnapshot, locale: 'ar' | 'fr' | 'en') {
	const pdf = await renderCertificatePdf(s, { locale, verifyUrl: VERIFY, issuer: 'Tamkeen' });
	const file = path.join(dir, `${name}.pdf`);
	fs.writeFileSync(file, pdf);
	execFileSync('pdftoppm', [
		'-png',
		'-r',
		'60',
		'-singlefile',
		file,
		path.join(ARTIFACTS, `certificate-${name}`)
	]);
	// Drop the direction marks poppler wraps around RTL and embedded LTR text.
	const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(
		/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
		''
	);
	const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	return { pdf, text, info };
}

describe('certificate PDF', () => {
	it('is an A4 landscape PDF with the title, holder and code in its metadata', async () => {
		const { pdf, info } = await render('en', snapshot(), 'en');
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
		expect(info).toMatch(/Title:\s+Certificate of Completion — Amina Ben Salah/);
		expect(info).toMatch(/Keywords:\s+.*TMK-7K3Q-9XW2-M4/);
		expect(info).toMatch(/Author:\s+مركز التكوين ودعم اللامركزية/);
	});

	it('keeps holder, course, date, score, code and URL extractable in English', async () => {
		const { text } = await render('en', snapshot(), 'en');
		for (const s of [
			'Certificate of Completion',
			'Amina Ben Salah',
			'Sustainable urban planning (SDG 11)',
			'November 22, 2026',
			'85%',
			'12 hours',
			'TMK-7K3Q-9XW2-M4',
			VERIFY,
			'Sami Trabelsi'
		])
			expect(text).toContain(s);
	});

	it('prints an Arabic holder name on a French participation certificate, without a score', async () => {
		const { text } = await render(
			'fr',
			snapshot({ holderName: 'محمد الطرابلسي', type: 'participation', score: null }),
			'fr'
		);
		expect(text).toContain('Attestation de participation');
		expect(text).toContain('محمد الطرابلسي');
		expect(text).toContain('22 novembre 2026');
		expect(text).toContain('TMK-7K3Q-9XW2-M4');
		expect(text).not.toContain('Score');
	});

	it('shapes Arabic and keeps a Latin holder name whole on an Arabic certificate', async () => {
		const { text } = await render('ar', snapshot(), 'ar');
		expect(text).toContain('شهادة إتمام');
		expect(text).toContain('Amina Ben Salah');
		expect(text).toContain('نوفمبر');
		expect(text).toContain('TMK-7K3Q-9XW2-M4');
		expect(text).toContain('SDG 11');
	});

	it('places Arabic words right to left, with Latin and brackets in their place (word positions)', async () => {
		await render('ar', snapshot(), 'ar');
		const bbox = execFileSync('pdftotext', ['-bbox', path.join(dir, 'ar.pdf'), '-'], {
			encoding: 'utf8'
		});
		// pdftotext -bbox lists each word's glyphs in visual order: Arabic words come out reversed.
		const words = [...bbox.matchAll(/xMin="([\d.]+)"[^>]*>([^<]+)</g)].map((m) => ({
			x: Number(m[1]),
			text: m[2]!
		}));
		const x = (word: string) => {
			const found = words.find(
				(w) => w.text === word || w.text === Array.from(word).reverse().join('')
			);
			if (!found) throw new Error(`"${word}" not found in ${words.map((w) => w.text).join(' ')}`);
			return found.x;
		};
		expect(x('شهادة')).toBeGreaterThan(x('إتمام'));
		expect(x('التخطيط')).toBeGreaterThan(x('الحضري'));
		expect(x('المستدام')).toBeGreaterThan(x('11)'));
		expect(x('11)')).toBeGreaterThan(x('(SDG'));
		expect(x('(SDG')).toBeGreaterThan(x('للبلديات'));
	});

	it('renders an Arabic name on an Arabic certificate', async () => {
		const { text } = await render('ar-name', snapshot({ holderName: 'ليلى بن صالح' }), 'ar');
		expect(text).toContain('ليلى بن صالح');
	});

	it('shrinks a very long name to fit rather than running off the page', async () => {
		const long =
			'Mohamed Amine Ben Abdallah Ben Mohamed El Hedi Trabelsi Ep. Ben Salah Ben Youssef';
		const { text } = await render('en-long', snapshot({ holderName: long }), 'en');
		expect(text.replace(/\s+/g, ' ')).toContain(long);
		const bbox = execFileSync('pdftotext', ['-bbox', path.join(dir, 'en-long.pdf'), '-'], {
			encoding: 'utf8'
		});
		const xs = [...bbox.matchAll(/xMin="([\d.]+)"[^>]*xMax="([\d.]+)"/g)].flatMap((m) => [
			Number(m[1]),
			Number(m[2])
		]);
		expect(xs.length).toBeGreaterThan(20);
		// Inside the inner frame (29 pt from each edge of an 841.89 pt page).
		expect(Math.min(...xs)).toBeGreaterThan(29);
		expect(Math.max(...xs)).toBeLessThan(841.89 - 29);
	});
});
