import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm, registration } from '../../helpers/forms.ts';
import { quizAttempt, user } from '../../../src/lib/server/db/schema/index.ts';
import { saveAnswer, submitAttempt } from '../../../src/lib/server/quiz/attempts/index.ts';
import { ISSUER, rightResponse } from './fixture.ts';

// Issue 11 §7: an attempt follows the interface's language while nothing is answered; once it
// cannot, the pages say which language it is in and why.
let h: TestApp;
beforeAll(async () => (h = await buildTestApp({ kit: true, courses: true })));
afterAll(() => h.close());

const PG = '/courses/participatory-governance';
const get = (url: string, cookie: string) => h.app.inject({ url, headers: { cookie } });
const attemptRow = (id: number) =>
	h.t.db.select().from(quizAttempt).where(eq(quizAttempt.id, id)).get()!;

async function learner() {
	const fields = registration({ locale: 'ar' });
	const cookie = cookiesFrom((await postForm(h.app, `/ar/register`, fields)).headers);
	const id = h.t.db.select().from(user).where(eq(user.email, fields.email)).get()!.id;
	await postForm(h.app, `/ar${PG}?/enrol`, {}, cookie);
	return { cookie, id };
}
async function start(cookie: string, lang: string) {
	const res = await postForm(h.app, `/${lang}${PG}/quiz/foundations?/start`, {}, cookie);
	expect(res.statusCode, res.body).toBe(303);
	return Number(res.headers.location!.split('/').pop());
}

/** Saves an answer to the attempt's first question, in Arabic (the attempt's language). */
function answerFirst(id: number, userId: string) {
	const q = attemptRow(id).questions.find((x) => x.question.type !== 'description')!.question;
	saveAnswer(h.t.db, {
		issuer: ISSUER,
		attemptId: id,
		userId,
		questionId: q.id,
		response: rightResponse(q, 'ar')
	});
}

describe('the language of an attempt', () => {
	it('follows the interface when resumed from another language before any answer', async () => {
		const { cookie } = await learner();
		const id = await start(cookie, 'ar');
		expect(attemptRow(id).locale).toBe('ar');
		const intro = await get(`/fr${PG}/quiz/foundations`, cookie);
		expect(intro.body).not.toContain('Votre tentative en cours est en');
		expect(await start(cookie, 'fr')).toBe(id);
		const row = attemptRow(id);
		expect(row.locale).toBe('fr');
		const first = row.questions.find((q) => q.question.type !== 'description')!;
		expect(first.presented.prompt).toBe((first.question.body.prompt as { fr: string }).fr);
	});

	it('stays in its language once answered, and says which and why before Resume', async () => {
		const { cookie, id: userId } = await learner();
		const id = await start(cookie, 'ar');
		answerFirst(id, userId);
		const intro = await get(`/fr${PG}/quiz/foundations`, cookie);
		expect(intro.body).toContain('Votre tentative en cours est en arabe');
		expect(await start(cookie, 'fr')).toBe(id);
		expect(attemptRow(id).locale).toBe('ar');

		submitAttempt(h.t.db, { issuer: ISSUER, attemptId: id, userId });
		const review = await get(`/fr${PG}/quiz/foundations/attempt/${String(id)}/review`, cookie);
		expect(review.statusCode).toBe(200);
		expect(review.body).toContain('Cette tentative a été passée en arabe');
		const same = await get(`/ar${PG}/quiz/foundations/attempt/${String(id)}/review`, cookie);
		expect(same.body).not.toContain('أُجريت هذه المحاولة باللغة');
	});

	it('follows the interface on the attempt page itself while nothing is answered', async () => {
		const { cookie } = await learner();
		const id = await start(cookie, 'ar');
		const page = await get(`/fr${PG}/quiz/foundations/attempt/${String(id)}`, cookie);
		expect(page.statusCode).toBe(200);
		expect(attemptRow(id).locale).toBe('fr');
		const first = attemptRow(id).questions.find((q) => q.question.type !== 'description')!;
		expect(page.body).toContain((first.question.body.prompt as { fr: string }).fr);
		expect(page.body).not.toContain('Votre tentative en cours est en');
	});

	it('says on the attempt page which language an answered attempt stays in, and why', async () => {
		const { cookie, id: userId } = await learner();
		const id = await start(cookie, 'ar');
		answerFirst(id, userId);
		const page = await get(`/fr${PG}/quiz/foundations/attempt/${String(id)}`, cookie);
		expect(page.statusCode).toBe(200);
		expect(page.body).toContain('Votre tentative en cours est en arabe');
		expect(attemptRow(id).locale).toBe('ar');
		const same = await get(`/ar${PG}/quiz/foundations/attempt/${String(id)}`, cookie);
		expect(same.body).not.toContain('Votre tentative');
		expect(same.body).not.toContain('محاولتك الجارية');
	});
});
