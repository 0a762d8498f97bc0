import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	checkAnswer,
	saveAnswer,
	startAttempt,
	submitAttempt,
	viewAttempt
} from '../../../src/lib/server/quiz/attempts/index.ts';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { single, truefalse } from '../../unit/quiz/sample-questions.ts';
import { ISSUER, T0, codeOf, learnerWithQuiz, minutes, rightResponse } from './fixture.ts';

let t: TestDb;
beforeEach(() => (t = createTestDb()));
afterEach(() => {
	t.close();
});

function immediate(settings = { feedback: 'immediate' as const }) {
	const { quizId, userId } = learnerWithQuiz(t.db, [single, truefalse], settings);
	const { id: attemptId } = startAttempt(t.db, {
		issuer: ISSUER,
		userId,
		quizId,
		locale: 'fr',
		now: T0
	});
	return { userId, attemptId };
}

describe('immediate feedback', () => {
	it('tells whether a saved answer is right, with its feedback, and shows it again on reload', () => {
		const { userId, attemptId } = immediate();
		saveAnswer(t.db, {
			issuer: ISSUER,
			attemptId,
			userId,
			questionId: single.id,
			response: rightResponse(single, 'fr'),
			now: minutes(1)
		});
		const checked = checkAnswer(t.db, {
			issuer: ISSUER,
			attemptId,
			userId,
			questionId: single.id,
			now: minutes(2)
		});
		expect(checked).toMatchObject({ correct: true, score: single.points });
		const view = viewAttempt(t.db, { issuer: ISSUER, attemptId, userId, now: minutes(3) });
		expect(view.immediateFeedback).toBe(true);
		expect(view.answers[single.id]?.checked).toEqual(checked);
		// Only the checked question carries feedback: the others stay secret.
		expect(view.answers[truefalse.id]).toBeUndefined();
	});

	it('makes a checked answer final, so options cannot be tried one by one', () => {
		const { userId, attemptId } = immediate();
		saveAnswer(t.db, {
			issuer: ISSUER,
			attemptId,
			userId,
			questionId: truefalse.id,
			response: true,
			now: minutes(1)
		});
		const first = checkAnswer(t.db, {
			issuer: ISSUER,
			attemptId,
			userId,
			questionId: truefalse.id,
			now: minutes(2)
		});
		expect(
			codeOf(() =>
				saveAnswer(t.db, {
					issuer: ISSUER,
					attemptId,
					userId,
					questionId: truefalse.id,
					response: false,
					now: minutes(3)
				})
			)
		).toBe('answer_checked');
		// Saving the same answer again is harmless; checking again gives the same result.
		saveAnswer(t.db, {
			issuer: ISSUER,
			attemptId,
			userId,
			questionId: truefalse.id,
			response: true,
			now: minutes(3)
		});
		expect(
			checkAnswer(t.db, {
				issuer: ISSUER,
				attemptId,
				userId,
				questionId: truefalse.id,
				now: minutes(4)
			})
		).toEqual(first);
		const result = submitAttempt(t.db, { issuer: ISSUER, attemptId, userId, now: minutes(5) });
		expect(result.max).toBeGreaterThan(0);
	});

	it('is refused when the quiz gives feedback after submission, or before any answer', () => {
		const after = immediate({ feedback: 'after-submit' } as never);
		saveAnswer(t.db, {
			issuer: ISSUER,
			attemptId: after.attemptId,
			userId: after.userId,
			questionId: single.id,
			response: 'a',
			now: minutes(1)
		});
		expect(
			codeOf(() =>
				checkAnswer(t.db, {
					issuer: ISSUER,
					attemptId: after.attemptId,
					userId: after.userId,
					questionId: single.id,
					now: minutes(2)
				})
			)
		).toBe('feedback_after_submit');
		const { userId, attemptId } = immediate();
		expect(
			codeOf(() =>
				checkAnswer(t.db, {
					issuer: ISSUER,
					attemptId,
					userId,
					questionId: single.id,
					now: minutes(2)
				})
			)
		).toBe('no_answer_to_check');
		expect(
			codeOf(() =>
				checkAnswer(t.db, {
					issuer: ISSUER,
					attemptId,
					userId: 'someone-else',
					questionId: single.id,
					now: minutes(2)
				})
			)
		).toBe('not_found');
	});
});
