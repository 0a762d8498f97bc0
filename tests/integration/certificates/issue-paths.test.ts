// Every path that changes a result issues the certificate it earns, once, in the transaction of
// that change (issue 10 §2): lesson finished, attempt submitted by the page, by the API, by the
// deadline sweep, closed late when found overdue, essay graded. And a failure rolls back both.
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { ORIGIN, postForm, registration } from '../../helpers/forms.ts';
import { createTestDb } from '../../helpers/db.ts';
import { finishLessons, passAllQuizzes } from '../../helpers/learning.ts';
import { markContentChanged } from '../../helpers/content.ts';
import {
	certificate,
	course,
	courseVersion,
	lessonProgress,
	quiz,
	quizAttempt,
	user
} from '../../../src/lib/server/db/schema/index.ts';
import { enrol } from '../../../src/lib/server/learning/enrolment.ts';
import { completeLesson } from '../../../src/lib/server/learning/complete-lesson.ts';
import {
	expireDueAttempts,
	gradeEssay,
	saveAnswer,
	startAttempt,
	submitAttempt
} from '../../../src/lib/server/quiz/attempts/index.ts';
import { essay, single } from '../../unit/quiz/sample-questions.ts';
import { ISSUER, learnerWithQuiz, rightResponse } from '../quiz/fixture.ts';

/** The row a test just made; a missing one fails the test here. */
function found<T>(row: T | undefined): T {
	if (row === undefined) throw new Error('expected a row');
	return row;
}

let h: TestApp;
let courseId: number;
let finalId: number;
beforeAll(async () => {
	h = await buildTestApp({ kit: true, courses: true });
	courseId = found(
		h.t.db.select().from(course).where(eq(course.slug, 'participatory-governance')).get()
	).id;
	finalId = found(
		h.t.db
			.select()
			.from(quiz)
			.where(and(eq(quiz.courseId, courseId), eq(quiz.slug, 'final')))
			.get()
	).id;
});
afterAll(() => h.close());

const PG = '/fr/courses/participatory-governance';
const HOUR = 60 * 60_000;

async function learner() {
	const fields = registration({ name: 'Sami Trabelsi' });
	const cookie = cookiesFrom((await postForm(h.app, '/fr/register', fields)).headers);
	const id = found(h.t.db.select().from(user).where(eq(user.email, fields.email)).get()).id;
	enrol(h.t.db, { userId: id, courseId });
	return { cookie, id };
}
const certificates = (userId: string) =>
	h.t.db.select().from(certificate).where(eq(certificate.userId, userId)).all();

/** A learner with every lesson and module quiz done and a final attempt answered right, open. */
async function answeredFinal({ startedAt = new Date() } = {}) {
	const l = await learner();
	finishLessons(h.t.db, { userId: l.id, courseId });
	passAllQuizzes(h.t.db, { userId: l.id, courseId, skip: ['final'] });
	const attempt = startAttempt(h.t.db, {
		userId: l.id,
		quizId: finalId,
		locale: 'fr',
		issuer: ISSUER,
		now: startedAt
	});
	for (const { question } of attempt.questions)
		if (question.type !== 'description')
			saveAnswer(h.t.db, {
				attemptId: attempt.id,
				userId: l.id,
				questionId: question.id,
				response: rightResponse(question, 'fr'),
				issuer: ISSUER,
				now: new Date(startedAt.getTime() + 60_000)
			});
	expect(certificates(l.id)).toEqual([]);
	return { ...l, attemptId: attempt.id };
}

const submitted = (attemptId: number) =>
	found(h.t.db.select().from(quizAttempt).where(eq(quizAttempt.id, attemptId)).get()).submittedAt;

describe('every path that changes a result issues the certificate once', () => {
	it('issues when the last lesson is finished on the lesson page', async () => {
		const l = await learner();
		passAllQuizzes(h.t.db, { userId: l.id, courseId });
		finishLessons(h.t.db, { userId: l.id, courseId, leave: 1 });
		expect(certificates(l.id)).toEqual([]);
		const last = `${PG}/transparency-and-accountability/tetouan-open-municipality?/complete`;
		for (let i = 0; i < 2; i++)
			expect((await postForm(h.app, last, {}, l.cookie)).statusCode).toBe(303);
		expect(certificates(l.id).map((c) => c.type)).toEqual(['completion']);
	});

	it('issues when the final is submitted on the attempt page', async () => {
		const l = await answeredFinal();
		const url = `${PG}/quiz/final/attempt/${l.attemptId}?/submit`;
		for (let i = 0; i < 2; i++)
			expect((await postForm(h.app, url, {}, l.cookie)).statusCode).toBe(303);
		expect(certificates(l.id)).toHaveLength(1);
	});

	it('issues when the final is submitted through the API', async () => {
		const l = await answeredFinal();
		for (let i = 0; i < 2; i++) {
			const r = await h.app.inject({
				method: 'POST',
				url: `/api/v1/attempts/${l.attemptId}/submit`,
				headers: { cookie: l.cookie, origin: ORIGIN }
			});
			expect(r.statusCode).toBe(200);
			expect(r.json()).toMatchObject({ passed: true });
		}
		expect(certificates(l.id)).toHaveLength(1);
	});

	it('issues when the deadline sweep submits the final', async () => {
		const l = await answeredFinal({ startedAt: new Date(Date.now() - HOUR) });
		expect(expireDueAttempts(h.t.db, { issuer: ISSUER })).toBeGreaterThanOrEqual(1);
		expect(expireDueAttempts(h.t.db, { issuer: ISSUER })).toBe(0);
		expect(submitted(l.attemptId)).not.toBeNull();
		expect(certificates(l.id)).toHaveLength(1);
	});

	it('issues when an overdue final is closed late: opened, saved to, or started again', async () => {
		const opened = await answeredFinal({ startedAt: new Date(Date.now() - HOUR) });
		const page = await h.app.inject({
			url: `${PG}/quiz/final/attempt/${opened.attemptId}`,
			headers: { cookie: opened.cookie }
		});
		expect(page.statusCode).toBe(303);
		expect(certificates(opened.id)).toHaveLength(1);

		const saved = await answeredFinal({ startedAt: new Date(Date.now() - HOUR) });
		const [first] = found(
			h.t.db.select().from(quizAttempt).where(eq(quizAttempt.id, saved.attemptId)).get()
		).questions;
		const question = found(first).question.id;
		const save = await h.app.inject({
			method: 'POST',
			url: `/api/v1/attempts/${saved.attemptId}/answers/${question}`,
			headers: { cookie: saved.cookie, origin: ORIGIN },
			payload: { response: 'x' }
		});
		expect(save.json()).toMatchObject({ error: 'DEADLINE_PASSED' });
		expect(certificates(saved.id)).toHaveLength(1);

		// Regression: a start refused for the cool-down used to roll back the late close with it.
		const restarted = await answeredFinal({ startedAt: new Date(Date.now() - HOUR) });
		const start = await postForm(h.app, `${PG}/quiz/final?/start`, {}, restarted.cookie);
		expect(start.statusCode).toBe(429);
		expect(submitted(restarted.attemptId)).not.toBeNull();
		expect(certificates(restarted.id)).toHaveLength(1);
	});

	it('rolls back the result when its certificate cannot be stored, and issues on retry', async () => {
		const l = await answeredFinal();
		// A real failure inside SQLite, after the attempt's rows are written in the transaction.
		h.t.db.run(
			sql`create trigger refuse_certificate before insert on certificate begin select raise(abort, 'refused'); end`
		);
		try {
			expect(() =>
				submitAttempt(h.t.db, { attemptId: l.attemptId, userId: l.id, issuer: ISSUER })
			).toThrow(/refused/);
			expect(submitted(l.attemptId)).toBeNull();

			const m = await learner();
			passAllQuizzes(h.t.db, { userId: m.id, courseId });
			const last = found(finishLessons(h.t.db, { userId: m.id, courseId, leave: 1 }).at(-1));
			expect(() => {
				completeLesson(h.t.db, { userId: m.id, courseId, lessonId: last.id, issuer: ISSUER });
			}).toThrow(/refused/);
			const finished = h.t.db
				.select()
				.from(lessonProgress)
				.where(and(eq(lessonProgress.userId, m.id), isNotNull(lessonProgress.completedAt)))
				.all();
			expect(finished.map((p) => p.lessonId)).not.toContain(last.id);
		} finally {
			h.t.db.run(sql`drop trigger refuse_certificate`);
		}
		submitAttempt(h.t.db, { attemptId: l.attemptId, userId: l.id, issuer: ISSUER });
		expect(certificates(l.id)).toHaveLength(1);
	});
});

describe('grading an essay', () => {
	it('issues when the grade lifts the final over the pass mark, once', () => {
		const t = createTestDb();
		try {
			const {
				courseId: id,
				quizId,
				userId
			} = learnerWithQuiz(t.db, [single, essay], {
				shuffleQuestions: false
			});
			// A course whose certificate needs only the final (no lessons, no module quizzes).
			const current = t.db
				.select({ metadata: courseVersion.metadata })
				.from(courseVersion)
				.where(eq(courseVersion.courseId, id))
				.get();
			if (!current) throw new Error('the fixture course has no version');
			t.db
				.update(courseVersion)
				.set({
					metadata: {
						...current.metadata,
						hours: 2,
						completion: {
							lessons: 'none',
							moduleQuizzes: 'none',
							passMark: 70,
							certificate: 'completion'
						}
					}
				})
				.where(eq(courseVersion.courseId, id))
				.run();
			markContentChanged(t.db);
			const a = startAttempt(t.db, { userId, quizId, locale: 'fr', issuer: ISSUER });
			for (const [q, response] of [
				[single, rightResponse(single, 'fr')],
				[essay, 'Une réponse.']
			] as const)
				saveAnswer(t.db, { attemptId: a.id, userId, questionId: q.id, response, issuer: ISSUER });
			expect(submitAttempt(t.db, { attemptId: a.id, userId, issuer: ISSUER }).passed).toBeNull();
			const mine = () =>
				t.db.select().from(certificate).where(eq(certificate.userId, userId)).all();
			expect(mine()).toEqual([]);
			const grade = (score: number) =>
				gradeEssay(t.db, {
					attemptId: a.id,
					questionId: essay.id,
					score,
					graderId: userId,
					issuer: ISSUER
				});
			expect(grade(1).passed).toBe(false);
			expect(mine()).toEqual([]);
			expect(grade(5).passed).toBe(true);
			expect(grade(4).passed).toBe(true);
			expect(mine()).toHaveLength(1);
			expect(found(mine()[0]).snapshot).toMatchObject({ score: 100, issuerName: 'Tamkeen' });
		} finally {
			t.close();
		}
	});
});
