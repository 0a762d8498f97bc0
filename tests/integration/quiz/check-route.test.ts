import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm, registration } from '../../helpers/forms.ts';
import { quizAttempt } from '../../../src/lib/server/db/schema/index.ts';

let h: TestApp;
beforeAll(async () => (h = await buildTestApp({ kit: true, courses: true })));
afterAll(() => h.close());

const PG = '/courses/participatory-governance';

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
		const res = await postForm(
			h.app,
			`${path}?/check`,
			{ [`q:${tf.id}`]: 'true', check: tf.id },
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
});
