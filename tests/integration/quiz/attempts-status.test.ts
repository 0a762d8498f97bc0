import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { importCourses } from '../../../src/lib/server/courses/import/import-courses.ts';
import { schema } from '../../../src/lib/server/db/index.ts';
import {
	bestResult,
	masteryState,
	quizStatusForCourse,
	reviewAttempt,
	saveAnswer,
	startAttempt,
	startPretest,
	submitAttempt
} from '../../../src/lib/server/quiz/attempts/index.ts';
import type { QuizAttempt } from '../../../src/lib/server/db/schema/index.ts';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { markContentChanged } from '../../helpers/content.ts';
import { single, truefalse } from '../../unit/quiz/sample-questions.ts';
import {
	ISSUER,
	T0,
	addUser,
	enrolIn,
	learnerWithQuiz,
	minutes,
	rightResponse
} from './fixture.ts';

const { course, courseVersion, quiz } = schema;
let t: TestDb;
let courseId: number;
let finalId: number;
beforeAll(() => {
	t = createTestDb();
	importCourses(t.db, { dir: 'courses' });
	courseId = t.db.select().from(course).where(eq(course.slug, 'participatory-governance')).get()!
		.id;
	finalId = t.db
		.select()
		.from(quiz)
		.where(and(eq(quiz.courseId, courseId), eq(quiz.slug, 'final')))
		.get()!.id;
	// These tests read standings, not the final's gate (final-gate.test.ts): open the final at once.
	const version = t.db
		.select()
		.from(courseVersion)
		.where(eq(courseVersion.courseId, courseId))
		.all()
		.at(-1)!;
	const metadata = {
		...version.metadata,
		completion: { ...version.metadata.completion, finalOpens: 'always' as const }
	};
	t.db.update(courseVersion).set({ metadata }).where(eq(courseVersion.id, version.id)).run();
	markContentChanged(t.db);
});
afterAll(() => {
	t.close();
});

/** Answers every question of the attempt right, in the attempt's locale. */
function answerAllRight(attempt: QuizAttempt, userId: string, at: Date) {
	for (const { question } of attempt.questions)
		if (question.type !== 'description')
			saveAnswer(t.db, {
				issuer: ISSUER,
				attemptId: attempt.id,
				userId,
				questionId: question.id,
				response: rightResponse(question, attempt.locale),
				now: at
			});
}

describe('the shipped participatory-governance course', () => {
	it('draws the pre-test from the final’s pool, takes it once, reveals nothing and counts for nothing', () => {
		const userId = addUser(t.db);
		enrolIn(t.db, userId, courseId);
		const pretest = startPretest(t.db, { userId, courseId, locale: 'ar', now: T0 });
		expect(pretest).toMatchObject({ kind: 'pretest', quizId: finalId, deadlineAt: null });
		expect(pretest.questions).toHaveLength(10);
		answerAllRight(pretest, userId, minutes(5));
		expect(
			submitAttempt(t.db, { issuer: ISSUER, attemptId: pretest.id, userId, now: minutes(6) })
		).toMatchObject({
			percentage: 100
		});
		expect(startPretest(t.db, { userId, courseId, locale: 'ar', now: minutes(7) }).id).toBe(
			pretest.id
		);
		const review = reviewAttempt(t.db, { attemptId: pretest.id, userId });
		expect(review.answersShown).toBe(false);
		expect(review.questions.every((q) => q.feedback.length === 0 && !('answer' in q))).toBe(true);
		expect(bestResult(t.db, { userId, quizId: finalId })).toEqual({
			attempts: 0,
			passed: false,
			bestPercentage: null,
			awaitingGrading: false,
			graded: 0
		});
		const open = startAttempt(t.db, {
			issuer: ISSUER,
			userId,
			quizId: finalId,
			locale: 'ar',
			now: minutes(8)
		});
		expect(open.id).not.toBe(pretest.id);
	});

	it('reports each quiz of the course, final last, with attempts, best result and open attempt', () => {
		const userId = addUser(t.db);
		enrolIn(t.db, userId, courseId);
		const final = startAttempt(t.db, {
			issuer: ISSUER,
			userId,
			quizId: finalId,
			locale: 'ar',
			now: T0
		});
		expect(final.questions).toHaveLength(15);
		expect(final.deadlineAt).toEqual(minutes(30));
		answerAllRight(final, userId, minutes(10));
		expect(
			submitAttempt(t.db, { issuer: ISSUER, attemptId: final.id, userId, now: minutes(11) })
		).toMatchObject({
			percentage: 100,
			passed: true
		});
		const status = quizStatusForCourse(t.db, { userId, courseId });
		// Each module's quiz, then its assignment (an essay quiz, `<module>.assignment`); final last.
		expect(status.map((s) => s.slug)).toEqual([
			'foundations',
			'foundations.assignment',
			'levels-of-participation',
			'levels-of-participation.assignment',
			'participatory-budgeting',
			'participatory-budgeting.assignment',
			'transparency-and-accountability',
			'transparency-and-accountability.assignment',
			'final'
		]);
		const module1 = startAttempt(t.db, {
			issuer: ISSUER,
			userId,
			quizId: status[0]!.quizId,
			locale: 'fr',
			now: T0
		});
		const all = quizStatusForCourse(t.db, { userId, courseId });
		const [first, last] = [all[0], all.at(-1)];
		expect(first).toMatchObject({
			attempts: 0,
			passed: false,
			bestPercentage: null,
			openAttemptId: module1.id
		});
		expect(last).toMatchObject({
			attempts: 1,
			passed: true,
			bestPercentage: 100,
			openAttemptId: null
		});
		expect(last!.title.fr).toContain('Évaluation finale');
	});
});

describe('mastery', () => {
	it('is reached with 3 of the last 4 answers right, across attempts', () => {
		const { quizId, userId } = learnerWithQuiz(t.db, [single, truefalse], {
			mastery: { of: 4, correct: 3 }
		});
		const round = (singleAnswer: string, at: number) => {
			const a = startAttempt(t.db, {
				issuer: ISSUER,
				userId,
				quizId,
				locale: 'fr',
				now: minutes(at)
			});
			saveAnswer(t.db, {
				issuer: ISSUER,
				attemptId: a.id,
				userId,
				questionId: truefalse.id,
				response: true,
				now: minutes(at)
			});
			saveAnswer(t.db, {
				issuer: ISSUER,
				attemptId: a.id,
				userId,
				questionId: single.id,
				response: singleAnswer,
				now: minutes(at + 1)
			});
			submitAttempt(t.db, { issuer: ISSUER, attemptId: a.id, userId, now: minutes(at + 2) });
		};
		expect(masteryState(t.db, { userId, quizId })).toEqual({
			of: 4,
			correct: 3,
			recent: [],
			reached: false
		});
		round('b', 0);
		expect(masteryState(t.db, { userId, quizId })).toMatchObject({
			recent: [true, false],
			reached: false
		});
		round('a', 10);
		expect(masteryState(t.db, { userId, quizId })).toMatchObject({
			recent: [true, false, true, true],
			reached: true
		});
		round('b', 20);
		expect(masteryState(t.db, { userId, quizId })).toMatchObject({
			recent: [true, true, true, false],
			reached: true
		});
		round('b', 30);
		expect(masteryState(t.db, { userId, quizId })).toMatchObject({
			recent: [true, false, true, false],
			reached: false
		});
		expect(masteryState(t.db, { userId, quizId: finalId })).toBeNull();
	});
});
