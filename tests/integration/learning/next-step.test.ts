// Issue 11 §1–2: one next step, followed by the course page, My learning, the lesson pager and
// the "finish" form, on the small fixture course (2 modules, 3 lessons, a module quiz, a final,
// a pre-test of 2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm, registration } from '../../helpers/forms.ts';
import { finishLessons, passAllQuizzes } from '../../helpers/learning.ts';
import { importCourse } from '../../../src/lib/server/courses/import/import-courses.ts';
import { course, user } from '../../../src/lib/server/db/schema/index.ts';
import { syllabus } from '../../../src/lib/server/learning/catalog.ts';
import { nextStep } from '../../../src/lib/server/learning/next-step.ts';

let h: TestApp;
let courseId: number;
beforeAll(async () => {
	h = await buildTestApp({ kit: true });
	// One folder each: importing a whole catalogue folder archives the courses it lacks.
	importCourse(h.t.db, { dir: 'tests/fixtures/courses/valid/local-budgets' });
	importCourse(h.t.db, { dir: 'courses/participatory-governance' });
	courseId = h.t.db.select().from(course).where(eq(course.slug, 'local-budgets')).get()!.id;
});
afterAll(() => h.close());

const C = '/fr/courses/local-budgets';
const get = (url: string, cookie: string) => h.app.inject({ url, headers: { cookie } });

async function enrolled() {
	const fields = registration();
	const cookie = cookiesFrom((await postForm(h.app, '/fr/register', fields)).headers);
	const id = h.t.db.select().from(user).where(eq(user.email, fields.email)).get()!.id;
	const res = await postForm(h.app, `${C}?/enrol`, {}, cookie);
	return { cookie, id, enrolRedirect: String(res.headers.location) };
}
const step = (id: string) =>
	nextStep(h.t.db, { userId: id, courseId, modules: syllabus(h.t.db, courseId) }).step;

describe('the next step', () => {
	it('offers the pre-test at enrolment, with a skip that is remembered', async () => {
		const { cookie, id, enrolRedirect } = await enrolled();
		expect(enrolRedirect).toBe(`${C}#next-step-local-budgets`);
		const page = await get(C, cookie);
		expect(page.body).toContain('href="/fr/courses/local-budgets/quiz/pretest"');
		expect(page.body).toContain('?/skipPretest');
		const first = syllabus(h.t.db, courseId)[0]!;
		const lesson = await get(`${C}/${first.slug}/${first.lessons[0]!.slug}`, cookie);
		expect(lesson.body).toContain('?/skipPretest');
		const skip = await postForm(h.app, `${C}?/skipPretest`, {}, cookie);
		expect(skip.statusCode).toBe(303);
		expect(skip.headers.location).toBe(`${C}/${first.slug}/${first.lessons[0]!.slug}`);
		expect(step(id)).toMatchObject({ kind: 'lesson', first: true });
		expect((await get(C, cookie)).body).not.toContain('?/skipPretest');
	});

	it('leads "Next" and "finish" at a module’s last lesson to its quiz', async () => {
		const { cookie, id } = await enrolled();
		await postForm(h.app, `${C}?/skipPretest`, {}, cookie);
		const [m1] = syllabus(h.t.db, courseId);
		const last = m1!.lessons.at(-1)!;
		const page = await get(`${C}/${m1!.slug}/${last.slug}`, cookie);
		expect(page.body).toContain(`href="${C}/quiz/${m1!.slug}"`);
		finishLessons(h.t.db, { userId: id, courseId, leave: 2 });
		const done = await postForm(h.app, `${C}/${m1!.slug}/${last.slug}?/complete`, {}, cookie);
		expect(done.headers.location).toBe(`${C}/quiz/${m1!.slug}`);
		expect(step(id)).toEqual({ kind: 'quiz', quizSlug: m1!.slug });
	});

	it('after the last lesson shows what remains, never a bare ?finished=1', async () => {
		const { cookie, id } = await enrolled();
		const lessons = finishLessons(h.t.db, { userId: id, courseId, leave: 1 });
		const mods = syllabus(h.t.db, courseId);
		const lastMod = mods.find((m) => m.lessons.some((l) => l.id === lessons.at(-1)!.id))!;
		const res = await postForm(
			h.app,
			`${C}/${lastMod.slug}/${lessons.at(-1)!.slug}?/complete`,
			{},
			cookie
		);
		expect(res.headers.location).toBe(`${C}#next-step-local-budgets`);
		const page = await get(C, cookie);
		expect(page.body).toContain('Ce qui reste pour terminer la formation');
		expect(page.body).toContain('L’évaluation finale');
	});

	it('at 100 % points to the certificate on the course page and in My learning', async () => {
		// The shipped course: its quizzes are the ones the answering helper knows.
		const PG = '/fr/courses/participatory-governance';
		const pg = h.t.db
			.select()
			.from(course)
			.where(eq(course.slug, 'participatory-governance'))
			.get()!.id;
		const { cookie, id } = await enrolled();
		await postForm(h.app, `${PG}?/enrol`, {}, cookie);
		const lessons = finishLessons(h.t.db, { userId: id, courseId: pg });
		await get(`${PG}/foundations/${lessons[0]!.slug}`, cookie);
		passAllQuizzes(h.t.db, { userId: id, courseId: pg });
		for (const url of [PG, '/fr/learn']) {
			const body = (await get(url, cookie)).body;
			expect(body).toContain('href="/fr/certificates"');
			expect(body).toContain('Voir mon certificat');
			expect(body).not.toContain(`class="button" href="${PG}/foundations/`);
		}
	});
});
