import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { markContentChanged } from '../../helpers/content.ts';
import { postForm, registration } from '../../helpers/forms.ts';
import { passAllQuizzes } from '../../helpers/learning.ts';
import {
	course,
	courseVersion,
	quiz,
	quizAttempt,
	user
} from '../../../src/lib/server/db/schema/index.ts';

// Issue 11 §3: the final opens once the module quizzes are passed, and its page says what is
// missing, attempts left and any wait before Start, not after.
let h: TestApp;
beforeAll(async () => (h = await buildTestApp({ kit: true, courses: true })));
afterAll(() => h.close());

const PG = '/courses/participatory-governance';
const get = (url: string, cookie: string) => h.app.inject({ url, headers: { cookie } });
const pg = () =>
	h.t.db.select().from(course).where(eq(course.slug, 'participatory-governance')).get()!;

async function learner() {
	const fields = registration({ locale: 'fr' });
	const cookie = cookiesFrom((await postForm(h.app, `/fr/register`, fields)).headers);
	const id = h.t.db.select().from(user).where(eq(user.email, fields.email)).get()!.id;
	await postForm(h.app, `/fr${PG}?/enrol`, {}, cookie);
	return { cookie, id };
}

function finalAttempts(userId: string) {
	const final = h.t.db
		.select()
		.from(quiz)
		.where(and(eq(quiz.courseId, pg().id), eq(quiz.slug, 'final')))
		.get()!;
	return h.t.db
		.select()
		.from(quizAttempt)
		.where(and(eq(quizAttempt.userId, userId), eq(quizAttempt.quizId, final.id)))
		.all();
}

function setCompletion(over: Record<string, unknown>) {
	const v = h.t.db
		.select()
		.from(courseVersion)
		.where(eq(courseVersion.id, pg().currentVersionId!))
		.get()!;
	h.t.db
		.update(courseVersion)
		.set({ metadata: { ...v.metadata, completion: { ...v.metadata.completion, ...over } } })
		.where(eq(courseVersion.id, v.id))
		.run();
	markContentChanged(h.t.db);
}

describe('the final assessment gate', () => {
	it('lists the module quizzes still to pass, with links, instead of a Start button', async () => {
		const { cookie } = await learner();
		const page = await get(`/fr${PG}/quiz/final`, cookie);
		expect(page.statusCode).toBe(200);
		expect(page.body).toContain('Il vous reste à réussir');
		expect(page.body).toContain(`href="/fr${PG}/quiz/foundations"`);
		expect(page.body).not.toContain('Commencer le quiz');
	});

	it('refuses to start the final while gated, with a 409 and a clear message', async () => {
		const { cookie, id } = await learner();
		const res = await postForm(h.app, `/fr${PG}/quiz/final?/start`, {}, cookie);
		expect(res.statusCode).toBe(409);
		expect(res.body).toContain('L’évaluation finale n’est pas encore ouverte');
		expect(finalAttempts(id)).toHaveLength(0);
	});

	it('opens once every module quiz is passed', async () => {
		const { cookie, id } = await learner();
		passAllQuizzes(h.t.db, { userId: id, courseId: pg().id, skip: ['final'] });
		const page = await get(`/fr${PG}/quiz/final`, cookie);
		expect(page.body).not.toContain('Il vous reste à réussir');
		expect(page.body).toContain('Commencer le quiz');
		const res = await postForm(h.app, `/fr${PG}/quiz/final?/start`, {}, cookie);
		expect(res.statusCode, res.body).toBe(303);
		expect(finalAttempts(id)).toHaveLength(1);
	});

	it('opens at once when course.yaml says finalOpens: always', async () => {
		setCompletion({ finalOpens: 'always' });
		try {
			const { cookie, id } = await learner();
			expect((await get(`/fr${PG}/quiz/final`, cookie)).body).toContain('Commencer le quiz');
			const res = await postForm(h.app, `/fr${PG}/quiz/final?/start`, {}, cookie);
			expect(res.statusCode, res.body).toBe(303);
			expect(finalAttempts(id)).toHaveLength(1);
		} finally {
			setCompletion({ finalOpens: 'afterQuizzes' });
		}
	});

	it('never gates the pre-test drawn from the final', async () => {
		const { cookie } = await learner();
		const res = await postForm(h.app, `/fr${PG}/quiz/pretest?/start`, {}, cookie);
		expect(res.statusCode, res.body).toBe(303);
	});
});

describe('limits shown before Start', () => {
	function setQuiz(slug: string, over: Record<string, unknown>) {
		const q = h.t.db
			.select()
			.from(quiz)
			.where(and(eq(quiz.courseId, pg().id), eq(quiz.slug, slug)))
			.get()!;
		h.t.db
			.update(quiz)
			.set({ settings: { ...q.settings, ...over } })
			.where(eq(quiz.id, q.id))
			.run();
		markContentChanged(h.t.db);
	}

	it('says how long to wait during the cool-down and offers no Start', async () => {
		setQuiz('foundations', { attempts: 0, cooldownMinutes: 30 });
		const { cookie, id } = await learner();
		passAllQuizzes(h.t.db, { userId: id, courseId: pg().id, skip: ['final'] });
		const page = await get(`/fr${PG}/quiz/foundations`, cookie);
		expect(page.body).toMatch(/Vous pourrez réessayer dans (30|29)\smin/);
		expect(page.body).not.toContain('Commencer le quiz');
	});

	it('says when no attempt is left and offers no Start', async () => {
		setQuiz('foundations', { attempts: 1, cooldownMinutes: 0 });
		const { cookie, id } = await learner();
		passAllQuizzes(h.t.db, { userId: id, courseId: pg().id, skip: ['final'] });
		const page = await get(`/fr${PG}/quiz/foundations`, cookie);
		expect(page.body).toContain('Il ne vous reste aucune tentative');
		expect(page.body).not.toContain('Commencer le quiz');
	});
});
