// Item analysis read from real attempts in a real database: the same four learners as the
// hand-computed fixture in tests/unit/quiz/item-analysis.test.ts, so the figures must agree.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { quizAttempt } from '../../../src/lib/server/db/schema/index.ts';
import {
	saveAnswer,
	startAttempt,
	submitAttempt
} from '../../../src/lib/server/quiz/attempts/index.ts';
import { loadQuizAnalysis } from '../../../src/lib/server/quiz/analysis/load.ts';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { essay, short, single, truefalse } from '../../unit/quiz/sample-questions.ts';
import { ISSUER, addQuiz, addUser, enrolIn, minutes } from './fixture.ts';

let t: TestDb;
beforeEach(() => (t = createTestDb()));
afterEach(() => {
	t.close();
});

type Row = [single: string, truefalse: boolean, short: string];
const RIGHT: Row = ['a', true, 'commune'];

function take(quizId: number, userId: string, row: Row, at: number) {
	const { id: attemptId } = startAttempt(t.db, {
		issuer: ISSUER,
		userId,
		quizId,
		locale: 'fr',
		now: minutes(at)
	});
	const ids = [single.id, truefalse.id, short.id];
	row.forEach((response, i) =>
		saveAnswer(t.db, {
			issuer: ISSUER,
			attemptId,
			userId,
			questionId: ids[i]!,
			response,
			now: minutes(at + 1)
		})
	);
	submitAttempt(t.db, { issuer: ISSUER, attemptId, userId, now: minutes(at + 2) });
}

describe('item analysis from stored attempts', () => {
	it('reads each learner’s first graded attempt and matches the hand-computed figures', () => {
		const { courseId, quizId } = addQuiz(t.db, {
			questions: [single, truefalse, short],
			settings: { shuffleQuestions: false }
		});
		const learners = [addUser(t.db), addUser(t.db), addUser(t.db), addUser(t.db)];
		for (const id of learners) enrolIn(t.db, id, courseId);
		const rows: Row[] = [
			RIGHT,
			['a', true, 'ville'],
			['a', false, 'ville'],
			['c', false, 'commune']
		];
		rows.forEach((row, i) => {
			take(quizId, learners[i]!, row, 10 * i);
		});
		// A retry after failing must not count twice (Moodle analyses first attempts by default).
		take(quizId, learners[2]!, RIGHT, 100);

		const { statistics, questions } = loadQuizAnalysis(t.db, quizId);
		expect(questions.map((q) => q.key)).toEqual([single.id, truefalse.id, short.id]);
		expect(statistics.attempts).toBe(4);
		expect(statistics.mean).toBeCloseTo(58.3333, 3);
		expect(statistics.alpha).toBeCloseTo(0, 9);
		const [q1, q2, q3] = statistics.items;
		expect(q1!.facility).toBe(0.75);
		expect(q2!.discrimination).toBeCloseTo(0.57735, 4);
		expect(q3!.discrimination).toBeCloseTo(-0.30151, 4);
		expect(q1!.options).toEqual([
			{ id: 'a', count: 3, share: 0.75 },
			{ id: 'b', count: 0, share: 0 },
			{ id: 'c', count: 1, share: 0.25 }
		]);
		expect(q2!.options.map((o) => o.count)).toEqual([2, 2]);

		// Limited to two learners (a cohort): only their attempts count.
		expect(loadQuizAnalysis(t.db, quizId, learners.slice(0, 2)).statistics.attempts).toBe(2);
		expect(loadQuizAnalysis(t.db, quizId, []).statistics.attempts).toBe(0);
	});

	it('reports a question edited between attempts as two items, the later one as id@2', () => {
		const { courseId, quizId } = addQuiz(t.db, {
			questions: [single, truefalse, short],
			settings: { shuffleQuestions: false }
		});
		const learners = [addUser(t.db), addUser(t.db), addUser(t.db)];
		for (const id of learners) enrolIn(t.db, id, courseId);
		learners.forEach((id, i) => {
			take(quizId, id, RIGHT, 10 * i);
		});
		// The last learner saw an edited wording of the true/false question (their snapshot).
		const last = t.db.select().from(quizAttempt).where(eq(quizAttempt.userId, learners[2]!)).get()!;
		const edited = last.questions.map((q) =>
			q.question.id === truefalse.id
				? { ...q, question: { ...q.question, body: { ...q.question.body, edited: true } } }
				: q
		);
		t.db.update(quizAttempt).set({ questions: edited }).where(eq(quizAttempt.id, last.id)).run();

		const { statistics, questions } = loadQuizAnalysis(t.db, quizId);
		expect(questions.map((q) => q.key)).toEqual([
			single.id,
			truefalse.id,
			short.id,
			`${truefalse.id}@2`
		]);
		expect(questions.at(-1)?.question.body).toMatchObject({ edited: true });
		expect(statistics.attempts).toBe(3);
	});

	it('leaves out attempts whose essay still waits for a trainer', () => {
		const { courseId, quizId } = addQuiz(t.db, { questions: [single, essay] });
		const learner = addUser(t.db);
		enrolIn(t.db, learner, courseId);
		const { id: attemptId } = startAttempt(t.db, {
			issuer: ISSUER,
			userId: learner,
			quizId,
			locale: 'fr',
			now: minutes(0)
		});
		submitAttempt(t.db, { issuer: ISSUER, attemptId, userId: learner, now: minutes(1) });
		expect(loadQuizAnalysis(t.db, quizId).statistics.attempts).toBe(0);
	});
});
