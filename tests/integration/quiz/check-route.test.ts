import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm, registration } from '../../helpers/forms.ts';
import { attemptAnswer, quizAttempt } from '../../../src/lib/server/db/schema/index.ts';

let h: TestApp;
beforeAll(async () => (h = await buildTestApp({ kit: true, courses: true })));
afterAll(() => h.close());

const PG = '/courses/participatory-governance';

const savedAnswer = (attemptId: number, questionId: string) =>
	h.t.db
		.select()
		.from(attemptAnswer)
		.where(and(eq(attemptAnswer.attemptId, attemptId), eq(attemptAnswer.questionId, questionId)))
		.get();

/** A new learner in French, enrolled, on a fresh attempt of the first module's quiz. */
async function startAttempt() {
	const cookie = cookiesFrom(
		(await postForm(h.app, '/fr/register', registration({ locale: 'fr' }))).headers
	);
	await postForm(h.app, `/fr${PG}?/enrol`, {}, cookie);
	const started = await postForm(h.app, `/fr${PG}/quiz/foundations?/start`, {}, cookie);
	const path = started.headers.location!;
	const attemptId = Number(path.split('/').pop());
	const attempt = h.t.db.select().from(quizAttempt).where(eq(quizAttempt.id, attemptId)).get()!;
	return { cookie, path, attemptId, attempt };
}

describe('checking an answer before submitting (immediate feedback)', () => {
	it('works without JavaScript, shows the verdict, and makes the answer final in page and API', async () => {
		const cookie = cookiesFrom(
			(await postForm(h.app, '/fr/register', registration({ locale: 'fr' }))).headers
		);
		await postForm(h.app, `/fr${PG}?/enrol`, {}, cookie);
		const started = await postForm(h.app, `/fr${PG}/quiz/foundations?/start`, {}, cookie);
		const path = started.headers.location!;
		const attemptId = Number(path.split('/').pop());
		const attempt = h.t.db.select().from(quizAttempt).where(eq(quizAttempt.id, attemptId)).get()!;
		expect(attempt.settings.feedback).toBe('immediate');
		const tf = attempt.questions.find((q) => q.question.type === 'truefalse')!.question;

		const page = await h.app.inject({ url: path, headers: { cookie } });
		expect(page.body).toContain('Vérifier ma réponse');
		// Said before pressing: checking locks the answer.
		expect(page.body).toContain('la rend définitive');
		// The first post saves and asks for confirmation; nothing is checked yet.
		const asked = await postForm(
			h.app,
			`${path}?/check`,
			{ [`q:${tf.id}`]: 'true', check: tf.id },
			cookie
		);
		expect(asked.statusCode).toBe(200);
		expect(asked.body).toContain('id="confirm-title"');
		expect(asked.body).toMatch(/<button[^>]*name="confirm"[^>]*value="[^"]+"/);
		expect(asked.body).not.toContain('Cette réponse est désormais définitive.');
		expect(savedAnswer(attemptId, tf.id)).toMatchObject({ response: true, checkedAt: null });
		const res = await postForm(
			h.app,
			`${path}?/check`,
			{ [`q:${tf.id}`]: 'true', confirm: tf.id },
			cookie
		);
		expect(res.statusCode).toBe(200);
		expect(res.body).toMatch(/Juste\.|Pas juste\./);
		expect(res.body).toContain('Cette réponse est désormais définitive.');
		expect(res.body).toMatch(/<fieldset class="locked[^"]*" disabled/);

		const api = (method: 'GET' | 'POST', url: string, body?: unknown) =>
			h.app.inject({
				method,
				url,
				headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
				payload: body ? JSON.stringify(body) : undefined
			});
		const view = (await api('GET', `/api/v1/attempts/${attemptId}`)).json<{
			immediateFeedback: boolean;
			answers: Record<string, { checked?: { correct: unknown } } | undefined>;
		}>();
		expect(view.immediateFeedback).toBe(true);
		expect(typeof view.answers[tf.id]?.checked?.correct).toBe('boolean');
		const change = await api('POST', `/api/v1/attempts/${attemptId}/answers/${tf.id}`, {
			response: false
		});
		expect(change.statusCode).toBe(409);
		expect(change.json()).toMatchObject({ error: 'ANSWER_CHECKED' });
		// The other questions carry no feedback yet.
		const others = Object.entries(view.answers).filter(([id]) => id !== tf.id);
		expect(others.every(([, a]) => !a?.checked)).toBe(true);
	});

	it('cancelling the confirmation saves the form and checks nothing', async () => {
		const { cookie, path, attemptId, attempt } = await startAttempt();
		const tf = attempt.questions.find((q) => q.question.type === 'truefalse')!.question;
		await postForm(h.app, `${path}?/check`, { [`q:${tf.id}`]: 'false', check: tf.id }, cookie);
		const cancelled = await postForm(h.app, `${path}?/save`, { [`q:${tf.id}`]: 'true' }, cookie);
		expect(cancelled.statusCode).toBe(200);
		expect(savedAnswer(attemptId, tf.id)).toMatchObject({ response: true, checkedAt: null });
	});

	// Regression: checking an empty answer said "one answer could not be read".
	it('checking an empty answer says "answer first", in the learner\'s language, and checks nothing', async () => {
		const { cookie, path, attemptId, attempt } = await startAttempt();
		const short = attempt.questions.find((q) => q.question.type === 'short')!.question;
		for (const step of [{ check: short.id }, { confirm: short.id }] as Record<string, string>[]) {
			const res = await postForm(
				h.app,
				`${path}?/check`,
				{ [`q:${short.id}`]: '  ', ...step },
				cookie
			);
			expect(res.statusCode).toBe(400);
			expect(res.body).toContain('Répondez d’abord à la question, puis vérifiez.');
			// Beside the question too, where it used to say that the answer could not be read.
			expect(res.body).toMatch(/data-state="refused"[^>]*>Répondez d’abord à la question/);
			expect(res.body).not.toMatch(/data-state="refused"[^>]*>Une réponse/);
			expect(res.body).not.toContain('id="confirm-title"');
		}
		expect(savedAnswer(attemptId, short.id)?.checkedAt ?? null).toBeNull();
	});
});
