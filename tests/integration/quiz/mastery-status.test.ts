import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	quizStatusForCourse,
	saveAnswer,
	startAttempt,
	submitAttempt
} from '../../../src/lib/server/quiz/attempts/index.ts';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { single, truefalse } from '../../unit/quiz/sample-questions.ts';
import { ISSUER, learnerWithQuiz, minutes, rightResponse } from './fixture.ts';

let t: TestDb;
beforeEach(() => (t = createTestDb()));
afterEach(() => {
	t.close();
});

describe('mastery mode', () => {
	it('counts a practice quiz as passed once 3 of the last 4 answers are right, whatever the scores', () => {
		// A pass mark no score reaches: only mastery can pass this quiz.
		const { courseId, quizId, userId } = learnerWithQuiz(t.db, [single, truefalse], {
			passMark: 101,
			mastery: { of: 4, correct: 3 }
		});
		const wrongTf = !(rightResponse(truefalse, 'fr') as boolean);
		const take = (answers: [unknown, unknown], at: number) => {
			const { id: attemptId } = startAttempt(t.db, {
				issuer: ISSUER,
				userId,
				quizId,
				locale: 'fr',
				now: minutes(at)
			});
			saveAnswer(t.db, {
				issuer: ISSUER,
				attemptId,
				userId,
				questionId: single.id,
				response: answers[0],
				now: minutes(at + 1)
			});
			saveAnswer(t.db, {
				issuer: ISSUER,
				attemptId,
				userId,
				questionId: truefalse.id,
				response: answers[1],
				now: minutes(at + 2)
			});
			submitAttempt(t.db, { issuer: ISSUER, attemptId, userId, now: minutes(at + 3) });
		};
		const status = () => quizStatusForCourse(t.db, { userId, courseId })[0]!;
		take([rightResponse(single, 'fr'), wrongTf], 10);
		expect(status()).toMatchObject({
			passed: false,
			mastery: { reached: false, recent: [true, false] }
		});
		take([rightResponse(single, 'fr'), rightResponse(truefalse, 'fr')], 20);
		expect(status()).toMatchObject({ passed: true, mastery: { reached: true, of: 4, correct: 3 } });
		expect(status().bestPercentage).toBe(100);
	});
});
