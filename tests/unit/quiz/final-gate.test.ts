import { describe, expect, it } from 'vitest';
import { evaluateFinalGate } from '../../../src/lib/server/quiz/attempts/final-gate.ts';

const quizzes = [
	{ slug: 'one', title: { fr: 'Un' }, passed: true },
	{ slug: 'two', title: { fr: 'Deux' }, passed: false }
];

describe('the final gate rule', () => {
	it('keeps the final closed until every required module quiz is passed, naming the rest', () => {
		expect(evaluateFinalGate({ moduleQuizzes: 'passed' }, quizzes)).toEqual({
			open: false,
			missing: [{ slug: 'two', title: { fr: 'Deux' } }]
		});
		expect(
			evaluateFinalGate(
				{ moduleQuizzes: 'passed' },
				quizzes.map((q) => ({ ...q, passed: true }))
			)
		).toEqual({ open: true, missing: [] });
	});

	it('opens at once when module quizzes are not required or the course says finalOpens: always', () => {
		expect(evaluateFinalGate({ moduleQuizzes: 'none' }, quizzes).open).toBe(true);
		expect(evaluateFinalGate({ moduleQuizzes: 'passed', finalOpens: 'always' }, quizzes).open).toBe(
			true
		);
	});
});
