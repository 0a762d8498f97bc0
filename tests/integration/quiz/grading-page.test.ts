// Marking an essay in the browser's way (forms over real HTTP): the queue, the marking form with
// a rubric, the recomputed result, the learner's review showing the comment, and refusals.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { postForm } from '../../helpers/forms.ts';
import { attemptAnswer, course, quizAttempt } from '../../../src/lib/server/db/schema/index.ts';
import {
	reviewAttempt,
	startAttempt,
	saveAnswer,
	submitAttempt
} from '../../../src/lib/server/quiz/attempts/index.ts';
import type { Question } from '../../../src/lib/server/quiz/types.ts';
import { signedIn } from '../access/staff.ts';
import { ISSUER, addQuiz, enrolIn, minutes } from './fixture.ts';

const essay: Question = {
	id: 'plan',
	type: 'essay',
	points: 10,
	body: {
		id: 'plan',
		type: 'essay',
		prompt: { fr: 'Décrivez votre plan.' },
		rubric: [
			{ id: 'actors', points: 4, text: { fr: 'Nomme les acteurs' } },
			{ id: 'steps', points: 6, text: { fr: 'Donne les étapes' } }
		]
	}
};

let h: TestApp;
let admin: { id: string; cookie: string };
let learner: { id: string; cookie: string };
let stranger: { id: string; cookie: string };
let attemptId: number;
let base: string;

beforeAll(async () => {
	h = await buildTestApp({ kit: true, courses: false });
	admin = await signedIn(h.app, h.t.db, 'admin@example.tn', 'admin');
	learner = await signedIn(h.app, h.t.db, 'learner@example.tn', 'learner');
	stranger = await signedIn(h.app, h.t.db, 'stranger@example.tn', 'trainer');
	const { courseId, quizId } = addQuiz(h.t.db, { questions: [essay] });
	const slug = h.t.db
		.select({ slug: course.slug })
		.from(course)
		.where(eq(course.id, courseId))
		.get()!.slug;
	base = `/fr/courses/${slug}/grading`;
	enrolIn(h.t.db, learner.id, courseId);
	attemptId = startAttempt(h.t.db, {
		issuer: ISSUER,
		userId: learner.id,
		quizId,
		locale: 'fr',
		now: minutes(0)
	}).id;
	saveAnswer(h.t.db, {
		issuer: ISSUER,
		attemptId,
		userId: learner.id,
		questionId: 'plan',
		response: 'Le conseil, puis les habitants.',
		now: minutes(1)
	});
	submitAttempt(h.t.db, { issuer: ISSUER, attemptId, userId: learner.id, now: minutes(2) });
});
afterAll(async () => {
	await h.close();
});

const get = (url: string, cookie: string) => h.app.inject({ url, headers: { cookie } });

describe('essay grading', () => {
	it('lists the waiting attempt for the course’s staff only', async () => {
		const queue = await get(base, admin.cookie);
		expect(queue.statusCode).toBe(200);
		expect(queue.body).toContain(`${base}/${String(attemptId)}`);
		expect((await get(base, stranger.cookie)).statusCode).toBe(403);
		expect((await get(`${base}/${String(attemptId)}`, stranger.cookie)).statusCode).toBe(403);
		expect((await get(`${base}/${String(attemptId)}`, learner.cookie)).statusCode).toBe(403);
		expect((await get(`${base}/999999`, admin.cookie)).statusCode).toBe(404);
	});

	it('refuses a criterion over its points with a 400 in French and keeps what was typed', async () => {
		const res = await postForm(
			h.app,
			`${base}/${String(attemptId)}?/grade`,
			{ questionId: 'plan', 'r:actors': '5', 'r:steps': '6', feedback: 'Bien vu.' },
			admin.cookie
		);
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('Bien vu.');
		const row = h.t.db.select().from(quizAttempt).where(eq(quizAttempt.id, attemptId)).get()!;
		expect(row.pendingCount).toBe(1);
	});

	it('saves rubric points and a comment, recomputes the attempt, and shows the learner the marking', async () => {
		const res = await postForm(
			h.app,
			`${base}/${String(attemptId)}?/grade`,
			{
				questionId: 'plan',
				'r:actors': '3',
				'r:steps': '4,5',
				feedback: 'Bien vu.\nPrécisez le calendrier.'
			},
			admin.cookie
		);
		expect(res.statusCode).toBe(200);
		const row = h.t.db.select().from(quizAttempt).where(eq(quizAttempt.id, attemptId)).get()!;
		expect(row.pendingCount).toBe(0);
		expect(row.score).toBe(7.5);
		const answer = h.t.db
			.select()
			.from(attemptAnswer)
			.where(and(eq(attemptAnswer.attemptId, attemptId), eq(attemptAnswer.questionId, 'plan')))
			.get()!;
		expect(answer.rubricScores).toEqual({ actors: 3, steps: 4.5 });
		expect(answer.graderFeedback).toBe('Bien vu.\nPrécisez le calendrier.');
		// The queue is empty once nothing waits.
		expect((await get(base, admin.cookie)).body).not.toContain(`${base}/${String(attemptId)}`);
		// The learner's review carries the comment and the rubric lines.
		const review = reviewAttempt(h.t.db, { attemptId, userId: learner.id });
		expect(review.questions[0]!.marking).toEqual({
			feedback: 'Bien vu.\nPrécisez le calendrier.',
			rubric: [
				{ id: 'actors', text: 'Nomme les acteurs', points: 3, max: 4 },
				{ id: 'steps', text: 'Donne les étapes', points: 4.5, max: 6 }
			]
		});
	});
});
