import { describe, expect, it } from 'vitest';
import {
	dateFormat,
	formatScore,
	formatSigned,
	numberFormat,
	roundTenths
} from '../../../src/lib/format/numbers.ts';
import { certificateText } from '../../../src/lib/server/certificates/pdf-text.ts';
import type { CertificateSnapshot } from '../../../src/lib/server/certificates/types.ts';

const LRM = '\u200e';
const NBSP = '\u00a0';

describe('one score format (issue 11 #17)', () => {
	it('shows 86.67 as 86.6 % in every language, never 87 % or 86.67 %', () => {
		expect(formatScore(86.67, 'ar')).toBe(`86,6${LRM}%${LRM}`);
		expect(formatScore(86.67, 'fr')).toBe(`86,6${NBSP}%`);
		expect(formatScore(86.67, 'en')).toBe('86.6%');
	});

	it('drops a trailing zero and keeps whole scores whole', () => {
		expect(formatScore(80, 'en')).toBe('80%');
		expect(formatScore(100, 'fr')).toBe(`100${NBSP}%`);
		expect(formatScore(0, 'ar')).toBe(`0${LRM}%${LRM}`);
	});

	it('never shows a failed score as reaching the pass mark (79.96 is 79.9, not 80)', () => {
		expect(roundTenths(79.96)).toBe(79.9);
		expect(formatScore(79.99, 'en')).toBe('79.9%');
	});

	it('is not fooled by float noise (57.3 stored as 57.29999… stays 57.3)', () => {
		expect(roundTenths(57.3)).toBe(57.3);
		expect(roundTenths(0.573 * 100)).toBe(57.3);
		expect(roundTenths((2 / 3) * 100)).toBe(66.6);
	});

	it('prints the same score on the PDF certificate as on the pages', () => {
		const snapshot = { score: 86.67, hours: 12, issuedAt: '2026-11-22T10:00:00.000Z' };
		for (const locale of ['ar', 'fr', 'en'] as const) {
			const text = certificateText(
				{
					...snapshot,
					type: 'completion',
					holderName: 'x',
					courseTitle: { fr: 'x' },
					code: 'TMK-0000-0000-00'
				} as unknown as CertificateSnapshot,
				locale
			);
			expect(text.details.join(' · ')).toContain(formatScore(86.67, locale));
		}
	});
});

describe('signed numbers (issue 11 #14)', () => {
	it('always carries the sign of a gain, and none on zero', () => {
		expect(formatSigned(6.7, 'fr')).toBe('+6,7');
		expect(formatSigned(-3, 'fr')).toMatch(/^[-−]3$/);
		expect(formatSigned(6.75, 'en')).toBe('+6.7');
		expect(formatSigned(0, 'en')).toBe('0');
		expect(formatSigned(-0.04, 'en')).toBe('0');
	});

	it('marks the Arabic sign left to right, before the digits', () => {
		expect(formatSigned(6.7, 'ar')).toBe(`${LRM}+6,7`);
		expect(formatSigned(-3, 'ar')).toBe(`${LRM}-3`);
		expect(formatSigned(-3.5, 'ar', 'percent')).toBe(`${LRM}-3,5${LRM}%${LRM}`);
	});
});

describe('formatters built once (a 500-learner cohort grid spent half its time building them)', () => {
	it('hands back the same formatter for the same locale and options', () => {
		const a = numberFormat('fr-TN', { style: 'unit', unit: 'percent' });
		expect(numberFormat('fr-TN', { style: 'unit', unit: 'percent' })).toBe(a);
		expect(numberFormat('ar-TN', { style: 'unit', unit: 'percent' })).not.toBe(a);
		expect(dateFormat('fr-TN', { dateStyle: 'long' })).toBe(
			dateFormat('fr-TN', { dateStyle: 'long' })
		);
	});

	it('keeps options apart: a signed format is not the plain one', () => {
		expect(formatSigned(3, 'en')).toBe('+3');
		expect(numberFormat('en', { maximumFractionDigits: 1 }).format(3)).toBe('3');
	});
});
