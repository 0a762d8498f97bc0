import { describe, expect, it } from 'vitest';
import { gradeAttempt, gradeQuestion } from '../../../../src/lib/server/quiz/grading/grade.ts';
import { presentQuestion } from '../../../../src/lib/server/quiz/present.ts';
import type { Question } from '../../../../src/lib/server/courses/types.ts';
import * as q from '../sample-questions.ts';

const fr = { locale: 'fr' as const };
const grade = (question: Question, response: unknown) => gradeQuestion(question, response, fr);

/** The presented id of each shown text, as the browser would send it back. */
function shownIds(question: Question, key: 'matches' | 'items'): Record<string, string> {
	const shown = presentQuestion(question, { locale: 'fr', shuffleOptions: true, seed: 1 });
	return Object.fromEntries((shown[key] ?? []).map((c) => [c.text, c.id]));
}

describe('gradeQuestion: single choice', () => {
	it('gives all the points for the right option and the option feedback to show', () => {
		expect(grade(q.single, 'a')).toEqual({
			score: 1,
			max: 1,
			correct: true,
			feedback: { optionIds: ['a'] }
		});
	});

	it('gives nothing for a wrong option, and shows only feedback the option has', () => {
		expect(grade(q.single, 'b')).toMatchObject({
			score: 0,
			correct: false,
			feedback: { optionIds: ['b'] }
		});
		expect(grade(q.single, 'c').feedback.optionIds).toEqual([]);
	});

	it('treats an unknown id or a wrong shape as a wrong answer', () => {
		for (const response of ['z', ['a'], 1, null, undefined, { id: 'a' }])
			expect(grade(q.single, response)).toMatchObject({ score: 0, correct: false });
	});
});

describe('gradeQuestion: multiple response', () => {
	it('adds the fractions of the chosen options times the points', () => {
		expect(grade(q.multiple, ['tax', 'fee'])).toMatchObject({ score: 2, max: 2, correct: true });
		expect(grade(q.multiple, ['tax'])).toMatchObject({ score: 1, correct: false });
		expect(grade(q.multiple, ['tax', 'loan'])).toMatchObject({ score: 1, correct: false });
	});

	it('lets a wrong choice take credit back but never below zero', () => {
		expect(grade(q.multiple, ['tax', 'fee', 'grant']).score).toBe(0);
		expect(grade(q.multiple, ['grant']).score).toBe(0);
		expect(grade(q.multiple, ['grant', 'loan']).score).toBe(0);
	});

	it('never goes above the maximum even if fractions add up to more than 1', () => {
		const generous = {
			...q.multiple,
			body: {
				...q.multiple.body,
				options: [
					{ id: 'x', fraction: 1 },
					{ id: 'y', fraction: 1 }
				]
			}
		};
		expect(grade(generous, ['x', 'y'])).toMatchObject({ score: 2, correct: true });
	});

	it('lists the feedback of every chosen option that has one', () => {
		expect(grade(q.multiple, ['tax', 'fee', 'grant']).feedback.optionIds).toEqual(['tax', 'grant']);
	});

	it('scores a response with duplicates, unknown ids or non-strings as wrong', () => {
		for (const response of [['tax', 'tax'], ['tax', 'nope'], ['tax', 3], 'tax', {}])
			expect(grade(q.multiple, response)).toMatchObject({ score: 0, correct: false });
	});

	it('scores an empty choice as zero', () => {
		expect(grade(q.multiple, [])).toMatchObject({ score: 0, correct: false });
	});
});

describe('gradeQuestion: true/false', () => {
	it('accepts booleans and the strings a form posts', () => {
		expect(grade(q.truefalse, true)).toMatchObject({ score: 1, correct: true });
		expect(grade(q.truefalse, 'true')).toMatchObject({ score: 1, correct: true });
		expect(grade(q.truefalse, 'false')).toMatchObject({ score: 0, correct: false });
	});

	it('names the feedback of the chosen value only when the question has it', () => {
		expect(grade(q.truefalse, false).feedback.optionIds).toEqual(['false']);
		expect(grade(q.truefalse, true).feedback.optionIds).toEqual([]);
	});

	it('treats anything else as wrong', () => {
		for (const response of ['yes', 1, null, undefined])
			expect(grade(q.truefalse, response)).toMatchObject({ score: 0, correct: false });
	});
});

describe('gradeQuestion: matching and ordering', () => {
	const match = shownIds(q.matching, 'matches');
	const item = shownIds(q.ordering, 'items');

	it('gives the share of pairs matched right', () => {
		const all = {
			p1: match['Prévoir'],
			p2: match['Rendre compte'],
			p3: match['Contrôler'],
			p4: match.Orienter
		};
		expect(grade(q.matching, all)).toMatchObject({ score: 4, max: 4, correct: true });
		expect(grade(q.matching, { ...all, p3: match.Orienter, p4: match['Contrôler'] })).toMatchObject(
			{
				score: 2,
				correct: false
			}
		);
		expect(grade(q.matching, { p1: match['Prévoir'] }).score).toBe(1);
	});

	it('scores a matching response of the wrong shape as zero', () => {
		for (const response of [null, 'p1', [match['Prévoir']], { p1: 7 }])
			expect(grade(q.matching, response).score).toBe(0);
	});

	it('does not accept the author pair ids in place of the shown match ids', () => {
		expect(grade(q.matching, { p1: 'p1', p2: 'p2', p3: 'p3', p4: 'p4' }).score).toBe(0);
	});

	it('gives the share of items in their right place', () => {
		const right = ['Préparer', 'Débattre', 'Voter', 'Exécuter'].map((t) => item[t]);
		expect(grade(q.ordering, right)).toMatchObject({ score: 4, correct: true });
		const swapped = ['Débattre', 'Préparer', 'Voter', 'Exécuter'].map((t) => item[t]);
		expect(grade(q.ordering, swapped)).toMatchObject({ score: 2, correct: false });
		expect(grade(q.ordering, [...right].reverse()).score).toBe(0);
	});

	it('scores an order with missing, repeated or unknown items as zero', () => {
		const [a, b, c, d] = ['Préparer', 'Débattre', 'Voter', 'Exécuter'].map((t) => item[t]);
		for (const response of [[a, b, c], [a, a, c, d], [a, b, c, 'x'], [a, b, c, d, d], '1,2,3,4'])
			expect(grade(q.ordering, response).score).toBe(0);
		expect(grade(q.ordering, ['1', '2', '3', '4']).score).toBe(0);
	});
});

describe('gradeQuestion: essay and description', () => {
	it('leaves an essay pending with no score until a trainer grades it', () => {
		expect(grade(q.essay, 'Mon texte')).toEqual({
			score: null,
			max: 5,
			correct: null,
			pending: true,
			feedback: { optionIds: [] }
		});
	});

	it('does not score a description', () => {
		expect(grade(q.description, undefined)).toMatchObject({ score: 0, max: 0, correct: null });
	});
});

describe('gradeAttempt', () => {
	it('adds up scores, counts pending essays and rounds the percentage to 2 decimals', () => {
		const result = gradeAttempt(
			[q.single, q.truefalse, q.multiple, q.essay, q.description],
			{ council: 'a', 'tax-built': false, 'own-revenue': ['tax'] },
			fr
		);
		expect(result).toMatchObject({ score: 2, max: 9, percentage: 22.22, pending: 1 });
		expect(result.results['tax-built']).toMatchObject({ score: 0, correct: false });
	});

	it('counts a trainer-graded essay and keeps its points within the maximum', () => {
		const graded = gradeAttempt(
			[q.single, q.essay],
			{ council: 'a' },
			{ ...fr, manualScores: { consultation: 4 } }
		);
		expect(graded).toMatchObject({ score: 5, max: 6, percentage: 83.33, pending: 0 });
		const over = gradeAttempt([q.essay], {}, { ...fr, manualScores: { consultation: 99 } });
		expect(over).toMatchObject({ score: 5, percentage: 100 });
	});

	it('gives 0% when nothing is scored and ignores responses to other questions', () => {
		expect(gradeAttempt([q.description], { other: 'x' }, fr)).toMatchObject({
			max: 0,
			percentage: 0
		});
	});

	it('does not read inherited properties as responses', () => {
		const responses = Object.create({ council: 'a' }) as Record<string, unknown>;
		expect(gradeAttempt([q.single], responses, fr).score).toBe(0);
	});
});
