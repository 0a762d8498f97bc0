import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { markContentChanged } from '../../helpers/content.ts';
import { postForm, registration } from '../../helpers/forms.ts';
import { loadConfig } from '../../../src/lib/server/config.ts';
import { startupTasks } from '../../../src/server/startup.ts';
import { assignCourseTrainer } from '../../../src/lib/server/courses/trainers.ts';
import {
	attemptAnswer,
	course,
	question,
	quiz,
	quizAttempt,
	user
} from '../../../src/lib/server/db/schema/index.ts';

// The parts of the attempt view and of a stored question body these tests read.
type AttemptView = { answers: Record<string, unknown> };
type Localised = { fr?: string };
type QuestionBody = {
	feedback?: Localised;
	feedbackTrue?: Localised;
	feedbackFalse?: Localised;
	options?: { feedback?: Localised }[];
	accept?: { fr?: string[] };
};

let h: TestApp;
beforeAll(async () => (h = await buildTestApp({ kit: true, courses: true })));
afterAll(() => h.close());

const PG = '/courses/participatory-governance';
const get = (url: string, cookie = '') => h.app.inject({ url, headers: cookie ? { cookie } : {} });
const api = (method: 'GET' | 'POST', url: string, cookie: string, body?: unknown) =>
	h.app.inject({
		method,
		url,
		headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		payload: body === undefined ? undefined : JSON.stringify(body)
	});

async function learner({ lang = 'fr', enrol = true } = {}) {
	const fields = registration({ locale: lang });
	const cookie = cookiesFrom((await postForm(h.app, `/${lang}/register`, fields)).headers);
	const id = h.t.db.select().from(user).where(eq(user.email, fields.email)).get()!.id;
	if (enrol) await postForm(h.app, `/${lang}${PG}?/enrol`, {}, cookie);
	return { cookie, id };
}

function quizRow(slug: string) {
	const c = h.t.db.select().from(course).where(eq(course.slug, 'participatory-governance')).get()!;
	return h.t.db
		.select()
		.from(quiz)
		.where(and(eq(quiz.courseId, c.id), eq(quiz.slug, slug)))
		.get()!;
}
function setSettings(slug: string, over: Record<string, unknown>) {
	const q = quizRow(slug);
	h.t.db
		.update(quiz)
		.set({ settings: { ...q.settings, ...over } })
		.where(eq(quiz.id, q.id))
		.run();
	markContentChanged(h.t.db);
}

/** Starts (or resumes) through the form; returns the attempt page path and id. */
async function start(cookie: string, slug: string, lang = 'fr') {
	const res = await postForm(h.app, `/${lang}${PG}/quiz/${slug}?/start`, {}, cookie);
	expect(res.statusCode, res.body).toBe(303);
	const path = res.headers.location!;
	return { path, id: Number(path.split('/').pop()) };
}

describe('quiz intro', () => {
	it('states the settings in plain words and starts, then resumes the same attempt', async () => {
		setSettings('foundations', { attempts: 3, cooldownMinutes: 0, timeLimitMinutes: 20 });
		const { cookie } = await learner();
		const intro = await get(`/fr${PG}/quiz/foundations`, cookie);
		expect(intro.statusCode).toBe(200);
		expect(intro.body).toContain('Seuil de réussite\u202f: 70\u00a0%');
		expect(intro.body).toContain('Tentatives restantes\u202f: 3 sur 3');
		expect(intro.body).toContain('Durée limitée\u202f: 20 min');
		expect(intro.body).toContain('Pas encore passé');
		expect(intro.body).toContain('Commencer le quiz');
		const first = await start(cookie, 'foundations');
		expect(first.path).toMatch(new RegExp(`^/fr${PG}/quiz/foundations/attempt/\\d+$`));
		expect((await get(`/fr${PG}/quiz/foundations`, cookie)).body).toContain('Reprendre le quiz');
		expect((await start(cookie, 'foundations')).id).toBe(first.id);
		const page = await get(first.path, cookie);
		expect(page.statusCode).toBe(200);
		expect(page.body).toMatch(/Temps restant\u202f: (20:00|19:5\d)/);
	});

	it('sends visitors to sign in, refuses learners who are not enrolled, and 404s unknown quizzes', async () => {
		expect((await get(`/fr${PG}/quiz/foundations`)).statusCode).toBe(303);
		const { cookie } = await learner({ enrol: false });
		const res = await postForm(h.app, `/fr${PG}/quiz/foundations?/start`, {}, cookie);
		expect(res.statusCode).toBe(403);
		expect(res.body).toContain('Inscrivez-vous à la formation pour passer ce quiz.');
		expect((await get(`/fr${PG}/quiz/no-such-quiz`, cookie)).statusCode).toBe(404);
		expect((await get(`/fr/courses/no-such-course/quiz/final`, cookie)).statusCode).toBe(404);
	});

	it('refuses a second attempt once the attempts are used up, in the learner’s language', async () => {
		setSettings('levels-of-participation', { attempts: 1, cooldownMinutes: 0 });
		const { cookie } = await learner();
		const a = await start(cookie, 'levels-of-participation');
		expect((await postForm(h.app, `${a.path}?/submit`, {}, cookie)).statusCode).toBe(303);
		const fr = await postForm(h.app, `/fr${PG}/quiz/levels-of-participation?/start`, {}, cookie);
		expect(fr.statusCode).toBe(403);
		expect(fr.body).toContain(
			'Vous avez utilisé toutes les tentatives autorisées pour ce quiz (1).'
		);
		const ar = await postForm(h.app, `/ar${PG}/quiz/levels-of-participation?/start`, {}, cookie);
		expect(ar.statusCode).toBe(403);
		expect(ar.body).toContain('استنفدت المحاولات المسموح بها لهذا الاختبار (1).');
		expect((await get(`/fr${PG}/quiz/levels-of-participation`, cookie)).body).toContain(
			'Tentatives restantes\u202f: 0 sur 1'
		);
	});

	it('asks the learner to wait out the cool-down, with the minutes left', async () => {
		setSettings('participatory-budgeting', { attempts: 0, cooldownMinutes: 30 });
		const { cookie } = await learner();
		const a = await start(cookie, 'participatory-budgeting');
		await postForm(h.app, `${a.path}?/submit`, {}, cookie);
		const res = await postForm(h.app, `/fr${PG}/quiz/participatory-budgeting?/start`, {}, cookie);
		expect(res.statusCode).toBe(429);
		expect(res.body).toContain('Vous pourrez réessayer dans 30 min.');
	});

	it('starts the pre-test once, from the final’s pool', async () => {
		const { cookie, id } = await learner();
		const a = await start(cookie, 'pretest');
		expect((await start(cookie, 'pretest')).id).toBe(a.id);
		const row = h.t.db.select().from(quizAttempt).where(eq(quizAttempt.id, a.id)).get()!;
		expect(row).toMatchObject({ userId: id, kind: 'pretest', quizId: quizRow('final').id });
		expect(row.questions).toHaveLength(10);
		expect((await get(`/fr${PG}/quiz/pretest`, cookie)).body).toContain('Test de positionnement');
	});
});

describe('taking a quiz without JavaScript', () => {
	it('saves the posted answers, shows them again, and submits exactly once however often Submit is pressed', async () => {
		setSettings('foundations', { attempts: 0, cooldownMinutes: 0, timeLimitMinutes: 0 });
		const { cookie, id } = await learner();
		const a = await start(cookie, 'foundations');
		const saved = await postForm(
			h.app,
			`${a.path}?/save`,
			{ 'q:subsidiarity-term': 'subsidiarité', 'q:governorate-is-deconcentration': 'a' },
			cookie
		);
		expect(saved.statusCode).toBe(200);
		expect(saved.body).toContain('Vos réponses sont enregistrées.');
		const page = (await get(a.path, cookie)).body;
		expect(page).toMatch(
			/name="q:subsidiarity-term"[^>]*value="subsidiarité"|value="subsidiarité"[^>]*name="q:subsidiarity-term"/
		);
		expect(page).toMatch(/<input[^>]*value="a"[^>]*checked|<input[^>]*checked[^>]*value="a"/);
		const rows = h.t.db.select().from(attemptAnswer).where(eq(attemptAnswer.attemptId, a.id)).all();
		expect(rows.map((r) => [r.questionId, r.response]).sort()).toEqual([
			['governorate-is-deconcentration', 'a'],
			['subsidiarity-term', 'subsidiarité']
		]);
		// Double-click: two posts, one submission, both land on the review.
		const [s1, s2] = await Promise.all([
			postForm(h.app, `${a.path}?/submit`, {}, cookie),
			postForm(h.app, `${a.path}?/submit`, {}, cookie)
		]);
		expect([s1.statusCode, s2.statusCode]).toEqual([303, 303]);
		expect(s1.headers.location).toBe(`${a.path}/review`);
		expect(s2.headers.location).toBe(`${a.path}/review`);
		const attempts = h.t.db
			.select()
			.from(quizAttempt)
			.where(and(eq(quizAttempt.userId, id), eq(quizAttempt.quizId, quizRow('foundations').id)))
			.all();
		expect(attempts).toHaveLength(1);
		expect(attempts[0]!.submittedAt).not.toBeNull();
		const review = await get(`${a.path}/review`, cookie);
		expect(review.statusCode).toBe(200);
		expect(review.body).toMatch(/\d+ sur \d+ points? \(\d+(,\d)?\u00a0%\)/);
		expect(review.body).toContain('subsidiarité');
		expect(review.body).toContain('Bonne réponse');
		// The closed attempt's page now shows its review, and its form no longer saves.
		expect((await get(a.path, cookie)).headers.location).toBe(`${a.path}/review`);
		expect(
			(await postForm(h.app, `${a.path}?/save`, { 'q:subsidiarity-term': 'autre' }, cookie))
				.statusCode
		).toBe(303);
		expect(
			h.t.db
				.select()
				.from(attemptAnswer)
				.where(
					and(eq(attemptAnswer.attemptId, a.id), eq(attemptAnswer.questionId, 'subsidiarity-term'))
				)
				.get()!.response
		).toBe('subsidiarité');
	});

	it('submits at the deadline with what was saved, and tells the learner', async () => {
		setSettings('transparency-and-accountability', {
			attempts: 0,
			cooldownMinutes: 0,
			timeLimitMinutes: 5
		});
		const { cookie } = await learner();
		const a = await start(cookie, 'transparency-and-accountability');
		const shown = h.t.db.select().from(quizAttempt).where(eq(quizAttempt.id, a.id)).get()!;
		const text = shown.questions.find(
			(q) => q.question.type === 'short' || q.question.type === 'essay'
		);
		const qid = (text ?? shown.questions[0]!).question.id;
		const before = await api('POST', `/api/v1/attempts/${a.id}/answers/${qid}`, cookie, {
			response: text ? 'avant' : 'a'
		});
		expect(before.statusCode).toBe(200);
		h.t.db
			.update(quizAttempt)
			.set({ deadlineAt: new Date(Date.now() - 1000) })
			.where(eq(quizAttempt.id, a.id))
			.run();
		const late = await postForm(h.app, `${a.path}?/save`, { [`q:${qid}`]: 'après' }, cookie);
		expect(late.statusCode).toBe(303);
		expect(late.headers.location).toBe(`${a.path}/review?deadline=1`);
		const row = h.t.db.select().from(quizAttempt).where(eq(quizAttempt.id, a.id)).get()!;
		expect(row.submittedBy).toBe('deadline');
		const review = await get(late.headers.location!, cookie);
		expect(review.body).toContain('Le temps imparti est écoulé');
		const apiLate = await api('POST', `/api/v1/attempts/${a.id}/answers/${qid}`, cookie, {
			response: 'encore'
		});
		expect(apiLate.statusCode).toBe(409);
		expect(apiLate.json<{ error: string }>().error).toBe('ATTEMPT_SUBMITTED');
	});
});

describe('deadline sweep', () => {
	it('submits at start-up the attempts whose time ran out while the server was down', async () => {
		setSettings('transparency-and-accountability', {
			attempts: 0,
			cooldownMinutes: 0,
			timeLimitMinutes: 5
		});
		const { cookie } = await learner();
		const a = await start(cookie, 'transparency-and-accountability');
		h.t.db
			.update(quizAttempt)
			.set({ deadlineAt: new Date(Date.now() - 60_000) })
			.where(eq(quizAttempt.id, a.id))
			.run();
		const config = loadConfig({ DATABASE_URL: h.t.file, RATE_LIMIT_PER_MINUTE: '0' });
		await startupTasks({ db: h.t.db, config }, h.app.log);
		expect(h.t.db.select().from(quizAttempt).where(eq(quizAttempt.id, a.id)).get()).toMatchObject({
			submittedBy: 'deadline'
		});
	});
});

describe('secrets before submission', () => {
	it('never puts an answer key or answer feedback in the attempt page or its JSON', async () => {
		setSettings('foundations', { attempts: 0, cooldownMinutes: 0, timeLimitMinutes: 0 });
		const { cookie } = await learner();
		const a = await start(cookie, 'foundations');
		const html = (await get(a.path, cookie)).body;
		const json = (await api('GET', `/api/v1/attempts/${a.id}`, cookie)).body;
		const secrets: string[] = [];
		// The longest run of the text that HTML escaping leaves as it is.
		const add = (v: unknown) => {
			const run =
				typeof v === 'string' ? v.split(/['"&<>’]/).sort((a, b) => b.length - a.length)[0]! : '';
			if (run.length >= 12) secrets.push(run.slice(0, 40));
		};
		for (const q of h.t.db
			.select()
			.from(question)
			.where(eq(question.quizId, quizRow('foundations').id))
			.all()) {
			const body = q.body as QuestionBody;
			add(body.feedback?.fr);
			add(body.feedbackTrue?.fr);
			add(body.feedbackFalse?.fr);
			for (const o of body.options ?? []) add(o.feedback?.fr);
			for (const accepted of body.accept?.fr ?? [])
				if (!accepted.includes('*')) secrets.push(accepted);
		}
		expect(secrets.length).toBeGreaterThan(5);
		for (const s of secrets) {
			expect(html).not.toContain(s);
			expect(json).not.toContain(s);
		}
		for (const key of [
			'"correct"',
			'"fraction"',
			'"accept"',
			'"answer"',
			'"tolerance"',
			'"feedback"'
		])
			expect(json).not.toContain(key);
	});
});

describe('attempt API', () => {
	it('saves, refuses bad input with the right status, and submits idempotently', async () => {
		setSettings('foundations', { attempts: 0, cooldownMinutes: 0, timeLimitMinutes: 0 });
		const { cookie } = await learner();
		const other = await learner();
		const a = await start(cookie, 'foundations');
		const url = `/api/v1/attempts/${a.id}`;
		expect((await h.app.inject({ url })).statusCode).toBe(401);
		expect((await api('GET', url, other.cookie)).statusCode).toBe(404);
		const view = (await api('GET', url, cookie)).json<{ questions: unknown[] }>();
		expect(view).toMatchObject({ attemptId: a.id, status: 'open', secondsLeft: null });
		expect(view.questions.length).toBeGreaterThanOrEqual(6);
		const ok = await api('POST', `${url}/answers/subsidiarity-term`, cookie, {
			response: 'subsidiarité'
		});
		expect(ok.statusCode).toBe(200);
		expect(ok.json()).toMatchObject({ revision: 1 });
		expect(
			(
				await api('POST', `${url}/answers/subsidiarity-term`, cookie, { response: 'subsidiarité' })
			).json<{ revision: number }>().revision
		).toBe(1);
		expect(
			(
				await api('POST', `${url}/answers/subsidiarity-term`, cookie, { response: 'subsidiarity' })
			).json<{ revision: number }>().revision
		).toBe(2);
		const bad = await api('POST', `${url}/answers/subsidiarity-term`, cookie, { response: 42 });
		expect(bad.statusCode).toBe(400);
		expect(bad.json<{ error: string }>().error).toBe('INVALID_RESPONSE');
		expect((await api('POST', `${url}/answers/subsidiarity-term`, cookie, {})).statusCode).toBe(
			400
		);
		expect(
			(await api('POST', `${url}/answers/no-such-question`, cookie, { response: 'x' })).statusCode
		).toBe(404);
		expect(
			(await api('POST', `${url}/answers/subsidiarity-term`, other.cookie, { response: 'x' }))
				.statusCode
		).toBe(404);
		expect(
			(await api('GET', url, cookie)).json<AttemptView>().answers['subsidiarity-term']
		).toMatchObject({
			response: 'subsidiarity',
			revision: 2
		});
		const s1 = await api('POST', `${url}/submit`, cookie);
		const s2 = await api('POST', `${url}/submit`, cookie);
		expect(s1.statusCode).toBe(200);
		expect(s2.json()).toEqual(s1.json());
		const after = await api('POST', `${url}/answers/subsidiarity-term`, cookie, { response: 'x' });
		expect(after.statusCode).toBe(409);
		expect(after.json<{ error: string }>().error).toBe('ATTEMPT_SUBMITTED');
		const doc = (await h.app.inject({ url: '/api/v1/openapi.json' })).json<{ paths: object }>();
		expect(Object.keys(doc.paths)).toEqual(
			expect.arrayContaining([
				'/api/v1/attempts/{id}',
				'/api/v1/attempts/{id}/answers/{questionId}',
				'/api/v1/attempts/{id}/submit'
			])
		);
	});
});

describe('hostile answers', () => {
	it('answers 400, not 500, to 5000-deep nested JSON (issue 9 #5)', async () => {
		setSettings('foundations', { attempts: 0, cooldownMinutes: 0, timeLimitMinutes: 0 });
		const { cookie } = await learner();
		const a = await start(cookie, 'foundations');
		const url = `/api/v1/attempts/${a.id}/answers/subsidiarity-term`;
		const deep = `{"response":${'['.repeat(5000)}${']'.repeat(5000)}}`;
		const res = await h.app.inject({
			method: 'POST',
			url,
			headers: { cookie, 'content-type': 'application/json' },
			payload: deep
		});
		expect(res.statusCode).toBe(400);
		const wide = await api('POST', url, cookie, { response: { a: { b: { c: 'd' } } } });
		expect(wide.statusCode).toBe(400);
		expect((await api('POST', url, cookie, { response: null })).statusCode).toBe(400);
		expect((await api('POST', url, cookie, { response: 'subsidiarité' })).statusCode).toBe(200);
		expect((await api('GET', `/api/v1/attempts/${a.id}`, cookie)).statusCode).toBe(200);
	});
});

describe('hostile answers by form', () => {
	it('refuses an oversize answer posted without JavaScript with 400, keeping the saved one (issue 9 #5)', async () => {
		setSettings('foundations', { attempts: 0, cooldownMinutes: 0, timeLimitMinutes: 0 });
		const { cookie } = await learner();
		const a = await start(cookie, 'foundations');
		const field = 'q:subsidiarity-term';
		expect(
			(await postForm(h.app, `${a.path}?/save`, { [field]: 'subsidiarité' }, cookie)).statusCode
		).toBe(200);
		const big = await postForm(h.app, `${a.path}?/save`, { [field]: 'x'.repeat(60_000) }, cookie);
		expect(big.statusCode).toBe(400);
		const row = h.t.db
			.select()
			.from(attemptAnswer)
			.where(
				and(eq(attemptAnswer.attemptId, a.id), eq(attemptAnswer.questionId, 'subsidiarity-term'))
			)
			.get();
		expect(row?.response).toBe('subsidiarité');
	});
});

describe('course page and export', () => {
	it('lists the course’s quizzes with the learner’s standing', async () => {
		const { cookie } = await learner();
		const page = (await get(`/fr${PG}`, cookie)).body;
		expect(page).toContain(`href="/fr${PG}/quiz/foundations"`);
		expect(page).toContain(`href="/fr${PG}/quiz/final"`);
	});

	it('exports a quiz as GIFT for the course’s trainers only', async () => {
		const { cookie, id } = await learner({ enrol: false });
		expect((await get(`/fr${PG}/quiz/foundations/export.gift`, cookie)).statusCode).toBe(403);
		h.t.db.update(user).set({ role: 'trainer' }).where(eq(user.id, id)).run();
		// A trainer, but not one of this course's: still refused.
		expect((await get(`/fr${PG}/quiz/foundations/export.gift`, cookie)).statusCode).toBe(403);
		const courseId = h.t.db
			.select({ id: course.id })
			.from(course)
			.where(eq(course.slug, 'participatory-governance'))
			.get()?.id;
		assignCourseTrainer(h.t.db, { actorId: id, courseId: courseId ?? 0, userId: id });
		const res = await get(`/fr${PG}/quiz/foundations/export.gift`, cookie);
		expect(res.statusCode).toBe(200);
		expect(res.headers['content-type']).toContain('text/plain');
		expect(res.body).toContain('::subsidiarity-term::');
		expect(res.body).toContain('=subsidiarité');
	});
});
