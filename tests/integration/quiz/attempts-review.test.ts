import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	bestResult,
	gradeEssay,
	reviewAttempt,
	saveAnswer,
	startAttempt,
	submitAttempt,
	viewAttempt
} from '../../../src/lib/server/quiz/attempts/index.ts';
import type { QuizSettings } from '../../../src/lib/server/courses/types.ts';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { essay, everyType, single, truefalse } from '../../unit/quiz/sample-questions.ts';
import { ISSUER, T0, addUser, codeOf, learnerWithQuiz, minutes, rightResponse } from './fixture.ts';

let t: TestDb;
beforeEach(() => (t = createTestDb()));
afterEach(() => {
	t.close();
});

function attemptAt(questions = everyType, settings: Partial<QuizSettings> = {}) {
	const { quizId, userId } = learnerWithQuiz(t.db, questions, settings);
	const { id: attemptId } = startAttempt(t.db, {
		issuer: ISSUER,
		userId,
		quizId,
		locale: 'fr',
		now: T0
	});
	const answer = (questionId: string, response: unknown) =>
		saveAnswer(t.db, { issuer: ISSUER, attemptId, userId, questionId, response, now: minutes(1) });
	const submit = () => submitAttempt(t.db, { issuer: ISSUER, attemptId, userId, now: minutes(2) });
	return { quizId, userId, attemptId, answer, submit };
}

describe('secrecy before submission', () => {
	it('sends no answer key and no feedback to the browser while the attempt is open', () => {
		const { attemptId, userId, answer } = attemptAt();
		answer(single.id, 'b');
		const json = JSON.stringify(
			viewAttempt(t.db, { issuer: ISSUER, attemptId, userId, now: minutes(1) })
		);
		for (const key of [
			'correct',
			'fraction',
			'accept',
			'answer',
			'tolerance',
			'feedback',
			'feedbackFalse'
		])
			expect(json).not.toContain(`"${key}"`);
		for (const text of ['Oui.', 'Non.', 'Si, elle la perçoit.', 'commune', '3.14'])
			expect(json).not.toContain(text);
		expect(json).toContain('Qui adopte le budget ?');
		expect(codeOf(() => reviewAttempt(t.db, { attemptId, userId }))).toBe('not_submitted');
	});
});

describe('review after submission', () => {
	it('grades full marks for the answers the review reveals, with feedback on the choices made', () => {
		const questions = everyType.filter((q) => q.type !== 'essay');
		const { attemptId, userId, answer, submit } = attemptAt(questions);
		for (const q of questions) if (q.type !== 'description') answer(q.id, rightResponse(q, 'fr'));
		expect(submit()).toMatchObject({ percentage: 100, passed: true, pending: 0 });
		const review = reviewAttempt(t.db, { attemptId, userId });
		expect(review).toMatchObject({ status: 'passed', answersShown: true });
		const council = review.questions.find((q) => q.question.id === single.id)!;
		expect(council).toMatchObject({ answer: 'a', correct: true, feedback: ['Oui.'] });
	});

	it('never shows the answers when showAnswers is never, but still scores each question', () => {
		const { attemptId, userId, answer, submit } = attemptAt([single, truefalse], {
			showAnswers: 'never'
		});
		answer(single.id, 'b');
		submit();
		const review = reviewAttempt(t.db, { attemptId, userId });
		expect(review.answersShown).toBe(false);
		const council = review.questions.find((q) => q.question.id === single.id)!;
		expect(council).toMatchObject({ correct: false, score: 0, response: 'b', feedback: ['Non.'] });
		expect(JSON.stringify(review)).not.toContain('"answer"');
		expect(JSON.stringify(review)).not.toContain('"explanation"');
	});

	it('shows the answers after a pass only, when showAnswers is after-pass', () => {
		const failed = attemptAt([single, truefalse], { showAnswers: 'after-pass', passMark: 100 });
		failed.answer(single.id, 'a');
		failed.submit();
		const hidden = reviewAttempt(t.db, { attemptId: failed.attemptId, userId: failed.userId });
		expect(hidden).toMatchObject({ status: 'failed', answersShown: false });
		expect(hidden.questions.every((q) => !('answer' in q))).toBe(true);
		const passed = attemptAt([single, truefalse], { showAnswers: 'after-pass', passMark: 100 });
		passed.answer(single.id, 'a');
		passed.answer(truefalse.id, 'true');
		passed.submit();
		const shown = reviewAttempt(t.db, { attemptId: passed.attemptId, userId: passed.userId });
		expect(shown).toMatchObject({ status: 'passed', answersShown: true });
		expect(shown.questions.find((q) => q.question.id === truefalse.id)?.answer).toBe(true);
	});
});

describe('essays', () => {
	it('awaits a trainer’s grade, then decides pass or fail from the re-totalled score', () => {
		const { quizId, userId, attemptId, answer, submit } = attemptAt([single, essay]);
		answer(single.id, 'a');
		answer(essay.id, 'La commune a consulté les habitants.');
		expect(submit()).toMatchObject({ score: 1, max: 6, passed: null, pending: 1 });
		expect(reviewAttempt(t.db, { attemptId, userId }).status).toBe('awaiting_grading');
		expect(bestResult(t.db, { userId, quizId })).toMatchObject({
			passed: false,
			awaitingGrading: true,
			graded: 0
		});
		const trainer = addUser(t.db);
		const grade = (questionId: string, score: number) => () =>
			gradeEssay(t.db, {
				issuer: ISSUER,
				attemptId,
				questionId,
				score,
				graderId: trainer,
				now: minutes(60)
			});
		expect(codeOf(grade(essay.id, 6))).toBe('invalid_score');
		expect(codeOf(grade(single.id, 1))).toBe('not_essay');
		expect(grade(essay.id, 4)()).toMatchObject({
			score: 5,
			max: 6,
			percentage: 83.33,
			passed: true,
			pending: 0
		});
		expect(grade(essay.id, 1)()).toMatchObject({ score: 2, percentage: 33.33, passed: false });
		expect(
			submitAttempt(t.db, { issuer: ISSUER, attemptId, userId, now: minutes(90) })
		).toMatchObject({
			score: 2,
			passed: false
		});
		expect(bestResult(t.db, { userId, quizId })).toMatchObject({
			attempts: 1,
			awaitingGrading: false,
			graded: 1
		});
	});
});
