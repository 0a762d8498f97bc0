import { describe, expect, it } from 'vitest';
import { gradeQuestion } from '../../../../src/lib/server/quiz/grading/grade.ts';
import { parseNumericInput } from '../../../../src/lib/server/quiz/grading/numeric.ts';
import type { Question } from '../../../../src/lib/server/courses/types.ts';
import { numeric, range } from '../sample-questions.ts';

const right = (question: Question, response: unknown) =>
	gradeQuestion(question, response, { locale: 'fr' }).correct;

describe('parseNumericInput', () => {
	it('reads decimal points and decimal commas', () => {
		expect(parseNumericInput('3.5')).toBe(3.5);
		expect(parseNumericInput('3,5')).toBe(3.5);
		expect(parseNumericInput(',5')).toBe(0.5);
		expect(parseNumericInput('-2')).toBe(-2);
	});

	it('reads Arabic-Indic and Persian digits and the Arabic decimal separator', () => {
		expect(parseNumericInput('٣٫٥')).toBe(3.5);
		expect(parseNumericInput('٢٠١٨')).toBe(2018);
		expect(parseNumericInput('۱۲')).toBe(12);
	});

	it('ignores surrounding spaces and a trailing unit', () => {
		expect(parseNumericInput('  12 km ')).toBe(12);
		expect(parseNumericInput('50%')).toBe(50);
		expect(parseNumericInput('3,5 m²')).toBe(3.5);
		expect(parseNumericInput('١٢ كم')).toBe(12);
	});

	it('returns null for what is not a number', () => {
		for (const input of ['', 'abc', '3,5,6', '1.2.3', 'km 12', '--1', '.'])
			expect(parseNumericInput(input)).toBeNull();
	});
});

describe('numeric questions', () => {
	it('accepts the answer plus or minus the tolerance, bounds included', () => {
		expect(right(numeric, '3.14')).toBe(true);
		expect(right(numeric, '3.13')).toBe(true);
		expect(right(numeric, '3.15')).toBe(true);
		expect(right(numeric, '3,15')).toBe(true);
		expect(right(numeric, '3.151')).toBe(false);
		expect(right(numeric, '3.129')).toBe(false);
	});

	it('accepts a range with both ends included', () => {
		expect(right(range, '12')).toBe(true);
		expect(right(range, '60')).toBe(true);
		expect(right(range, '٣٠')).toBe(true);
		expect(right(range, '11.99')).toBe(false);
		expect(right(range, '60,01')).toBe(false);
	});

	it('scores input that is not a number as wrong, without throwing', () => {
		for (const response of ['pi', '', null, {}, ['3.14'], Number.NaN])
			expect(gradeQuestion(numeric, response, { locale: 'fr' })).toMatchObject({
				score: 0,
				correct: false
			});
	});

	it('scores a question without answer or range as wrong rather than failing', () => {
		const broken = { ...numeric, body: { prompt: { fr: '?' } } };
		expect(right(broken, '1')).toBe(false);
	});
});
