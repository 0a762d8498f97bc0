import { describe, expect, it } from 'vitest';
import { gradeQuestion } from '../../../../src/lib/server/quiz/grading/grade.ts';
import { matchesAccepted } from '../../../../src/lib/server/quiz/grading/short.ts';
import { short } from '../sample-questions.ts';

const inArabic = (response: unknown) => gradeQuestion(short, response, { locale: 'ar' }).correct;
const inFrench = (response: unknown) => gradeQuestion(short, response, { locale: 'fr' }).correct;

describe('short answers', () => {
	it('ignores case, accents and surrounding spaces', () => {
		expect(inFrench('  COMMUNE ')).toBe(true);
		expect(inFrench('Municipalité')).toBe(true);
	});

	it('ignores Arabic letter variants: alef forms and teh marbuta written as heh', () => {
		expect(inArabic('بلديه')).toBe(true);
		expect(inArabic('المجلس البلدى')).toBe(true);
		expect(inArabic('ألمجلس البلدي')).toBe(true);
	});

	it('ignores tashkeel and tatweel', () => {
		expect(inArabic('بَلَدِيَّة')).toBe(true);
		expect(inArabic('بلـــدية')).toBe(true);
	});

	it('lets * stand for any run of characters, including none', () => {
		expect(inFrench('municipalite')).toBe(true);
		expect(inFrench('municipalités')).toBe(true);
		expect(inFrench('municipal')).toBe(false);
		expect(matchesAccepted('abc', 'a*c')).toBe(true);
		expect(matchesAccepted('ac', 'a*c')).toBe(true);
		expect(matchesAccepted('abd', 'a*c')).toBe(false);
	});

	it('answers at once for a long answer against many wildcards', () => {
		const started = performance.now();
		expect(matchesAccepted('a'.repeat(5000) + 'b', '*a*a*a*a*a*a*a*a*c')).toBe(false);
		expect(performance.now() - started).toBeLessThan(200);
	});

	it('treats other regular expression characters literally', () => {
		expect(matchesAccepted('a.c', 'a.c')).toBe(true);
		expect(matchesAccepted('abc', 'a.c')).toBe(false);
		expect(matchesAccepted('(x)', '(x)')).toBe(true);
	});

	it("accepts only the answers of the attempt's locale", () => {
		expect(inArabic('commune')).toBe(false);
		expect(inFrench('بلدية')).toBe(false);
	});

	it('scores empty and non-text responses as wrong', () => {
		for (const response of ['', '   ', 42, null, ['commune']])
			expect(inFrench(response)).toBe(false);
	});

	it('does not let a lone wildcard accept an empty answer', () => {
		const anything = { ...short, body: { ...short.body, accept: { fr: ['*'] } } };
		expect(gradeQuestion(anything, 'x', { locale: 'fr' }).correct).toBe(true);
		expect(gradeQuestion(anything, ' ', { locale: 'fr' }).correct).toBe(false);
	});
});
