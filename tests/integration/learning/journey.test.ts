import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm, registration } from '../../helpers/forms.ts';
import { markContentChanged } from '../../helpers/content.ts';
import {
	course,
	enrolment,
	lessonProgress,
	user
} from '../../../src/lib/server/db/schema/index.ts';

let h: TestApp;
beforeAll(async () => (h = await buildTestApp({ kit: true, courses: true })));
afterAll(() => h.close());

const PG = '/courses/participatory-governance';
const L1 = `${PG}/foundations/decentralisation-basics`;
const L2 = `${PG}/foundations/tunisia-framework`;
const L3 = `${PG}/levels-of-participation/arnstein-ladder`;

async function learner(lang = 'ar') {
	const fields = registration();
	const res = await postForm(h.app, `/${lang}/register`, fields);
	const cookie = cookiesFrom(res.headers);
	const id = h.t.db.select().from(user).where(eq(user.email, fields.email)).get()!.id;
	return { cookie, id };
}
const get = (url: string, cookie = '') => h.app.inject({ url, headers: cookie ? { cookie } : {} });

describe('catalog', () => {
	it('lists the three published courses in the page’s language, with filters', async () => {
		const fr = await get('/fr/courses');
		expect(fr.statusCode).toBe(200);
		expect(fr.body).toContain('Cours\u202f: 3');
		expect(fr.body).toContain('href="/fr/courses/gender-responsive-governance"');
		const gender = await get('/fr/courses?theme=gender');
		expect(gender.body).toContain('Cours\u202f: 1');
		expect(gender.body).toContain('gender-responsive-governance');
		expect(gender.body).not.toContain('href="/fr/courses/strategic-urban-planning"');
		expect((await get('/fr/courses?theme=<script>')).body).toContain('Cours\u202f: 3');
	});

	it('finds lesson text typed without diacritics, with another alef or ه for ة, and highlights it', async () => {
		const plain = await get(`/ar/courses?q=${encodeURIComponent('الميزانية التشاركية')}`);
		const loose = await get(`/ar/courses?q=${encodeURIComponent('الميزانيه التشاركيه')}`);
		expect(plain.body).toContain('participatory-governance');
		expect(loose.body).toMatch(/<mark[ >]/);
		const count = (body: string) => /الدورات التي تتضمن «[^»]*»: (\d)/.exec(body)?.[1];
		expect(count(loose.body)).toBe(count(plain.body));
		const alef = await get(`/ar/courses?q=${encodeURIComponent('ارنشتاين')}`);
		expect(alef.body).toContain('participatory-governance');
		const fr = await get(`/fr/courses?q=${encodeURIComponent('egalite')}`);
		expect(fr.body).toContain('gender-responsive-governance');
	});

	it('hides unpublished courses from learners and visitors, everywhere', async () => {
		const c = h.t.db
			.select()
			.from(course)
			.where(eq(course.slug, 'strategic-urban-planning'))
			.get()!;
		h.t.db.update(course).set({ publishedVersionId: null }).where(eq(course.id, c.id)).run();
		markContentChanged(h.t.db);
		try {
			expect((await get('/en/courses')).body).not.toContain('strategic-urban-planning');
			expect((await get('/en/courses/strategic-urban-planning')).statusCode).toBe(404);
			expect(
				(await get('/en/courses/strategic-urban-planning/why-plan/planning-frameworks')).statusCode
			).toBe(404);
			expect(
				(await get('/api/v1/courses')).json<{ slug: string }[]>().map((x) => x.slug)
			).not.toContain('strategic-urban-planning');
			expect((await get('/api/v1/courses/strategic-urban-planning')).statusCode).toBe(404);
			const { cookie } = await learner();
			expect((await get('/en/courses/strategic-urban-planning', cookie)).statusCode).toBe(404);
		} finally {
			h.t.db
				.update(course)
				.set({ publishedVersionId: c.publishedVersionId })
				.where(eq(course.id, c.id))
				.run();
			markContentChanged(h.t.db);
		}
	});
});

describe('lessons', () => {
	it('show the first lesson to anyone as a preview, and keep the others for enrolled learners', async () => {
		const preview = await get(`/fr${L1}`);
		expect(preview.statusCode).toBe(200);
		expect(preview.body).toContain('Cette première leçon est en accès libre.');
		const anonymous = await get(`/fr${L2}`);
		expect(anonymous.statusCode).toBe(303);
		expect(anonymous.headers.location).toBe(`/fr/signin?next=${encodeURIComponent(`/fr${L2}`)}`);
		const { cookie } = await learner();
		const locked = await get(`/fr${L2}`, cookie);
		expect(locked.statusCode).toBe(403);
		expect(locked.body).toContain('Inscrivez-vous pour lire cette leçon');
		expect(locked.body).not.toContain('Code des collectivités locales');
	});

	it('enrols once however often the button is pressed, and first offers the pre-test', async () => {
		const { cookie, id } = await learner();
		const first = await postForm(h.app, `/ar${PG}?/enrol`, {}, cookie);
		expect(first.statusCode).toBe(303);
		expect(first.headers.location).toBe(`/ar${PG}#next-step-participatory-governance`);
		await postForm(h.app, `/ar${PG}?/enrol`, {}, cookie);
		expect(h.t.db.select().from(enrolment).where(eq(enrolment.userId, id)).all()).toHaveLength(1);
		expect((await get(`/ar${L2}`, cookie)).statusCode).toBe(200);
	});

	it('records finished lessons, moves on, and resumes at the last lesson opened', async () => {
		const { cookie, id } = await learner();
		await postForm(h.app, `/fr${PG}?/enrol`, {}, cookie);
		const done = await postForm(h.app, `/fr${L1}?/complete`, {}, cookie);
		expect(done.statusCode).toBe(303);
		expect(done.headers.location).toBe(`/fr${L2}`);
		await postForm(h.app, `/fr${L1}?/complete`, {}, cookie);
		const rows = h.t.db
			.select()
			.from(lessonProgress)
			.where(and(eq(lessonProgress.userId, id), sql`completed_at is not null`))
			.all();
		expect(rows).toHaveLength(1);
		await get(`/fr${L3}`, cookie);
		const page = await get(`/fr${PG}`, cookie);
		expect(page.body).toContain(`href="/fr${L3}"`);
		expect(page.body).toMatch(/Progression dans le cours\u202f: 8\s?%/);
		const learn = await get('/fr/learn', cookie);
		expect(learn.body).toContain('Leçons terminées\u202f: 1 sur 12');
		expect(learn.body).toContain(`href="/fr${L3}"`);
	});

	it('refuses to mark a lesson finished for someone not enrolled', async () => {
		const { cookie, id } = await learner();
		const res = await postForm(h.app, `/en${L1}?/complete`, {}, cookie);
		expect(res.statusCode).toBe(403);
		expect(
			h.t.db.select().from(lessonProgress).where(eq(lessonProgress.userId, id)).all()
		).toHaveLength(0);
	});

	it('shows a lesson in another language, with a notice, when the requested one is missing', async () => {
		const { cookie } = await learner();
		await postForm(h.app, `/en${PG}?/enrol`, {}, cookie);
		h.t.db.run(
			sql`delete from lesson_text where locale = 'en' and lesson_id = (select l.id from lesson l join module m on m.id = l.module_id where l.slug = 'tunisia-framework')`
		);
		markContentChanged(h.t.db);
		const res = await get(`/en${L2}`, cookie);
		expect(res.statusCode).toBe(200);
		expect(res.body).toContain(
			'This lesson is not yet available in your language; it is shown in العربية.'
		);
		expect(res.body).toMatch(/<article class="lesson prose[^"]*" lang="ar" dir="rtl"/);
	});

	it('needs the enrolment key when a course has one', async () => {
		const c = h.t.db
			.select()
			.from(course)
			.where(eq(course.slug, 'gender-responsive-governance'))
			.get()!;
		h.t.db.run(
			sql`update course_version set metadata = json_set(metadata, '$.enrolmentKey', 'TUNIS-2026') where id = ${c.currentVersionId}`
		);
		markContentChanged(h.t.db);
		const { cookie } = await learner();
		const page = await get('/fr/courses/gender-responsive-governance', cookie);
		expect(page.body).toContain('Clé d’inscription');
		expect(page.body).not.toContain('TUNIS-2026');
		const none = await postForm(
			h.app,
			'/fr/courses/gender-responsive-governance?/enrol',
			{},
			cookie
		);
		expect(none.statusCode).toBe(400);
		const wrong = await postForm(
			h.app,
			'/fr/courses/gender-responsive-governance?/enrol',
			{ key: 'TUNIS-2025' },
			cookie
		);
		expect(wrong.statusCode).toBe(403);
		expect(wrong.body).toContain('Cette clé d’inscription est incorrecte.');
		const right = await postForm(
			h.app,
			'/fr/courses/gender-responsive-governance?/enrol',
			{ key: 'TUNIS-2026' },
			cookie
		);
		expect(right.statusCode).toBe(303);
		expect((await get('/api/v1/courses')).body).not.toContain('TUNIS-2026');
		h.t.db.run(
			sql`update course_version set metadata = json_remove(metadata, '$.enrolmentKey') where id = ${c.currentVersionId}`
		);
		markContentChanged(h.t.db);
	});
});

describe('learning API', () => {
	it('lists published courses with per-locale titles and counts', async () => {
		const list = (await get('/api/v1/courses')).json<{ slug: string; title: { ar?: string } }[]>();
		const pg = list.find((c) => c.slug === 'participatory-governance');
		expect(pg).toMatchObject({
			version: '1.1.0',
			moduleCount: 4,
			lessonCount: 12,
			locales: ['ar', 'fr', 'en'],
			requiresKey: false
		});
		expect(pg?.title.ar).toBeTruthy();
		const one = (await get('/api/v1/courses/participatory-governance')).json<{
			modules: { lessons: unknown[] }[];
		}>();
		expect(one.modules).toHaveLength(4);
		expect(one.modules[0]?.lessons[0]).toMatchObject({ slug: 'decentralisation-basics' });
		expect((await get('/api/v1/courses/nope')).statusCode).toBe(404);
	});

	it('gives a learner their enrolments and saves the scroll position of an opened lesson', async () => {
		expect((await get('/api/v1/me/enrolments')).statusCode).toBe(401);
		const { cookie, id } = await learner();
		await postForm(h.app, `/ar${PG}?/enrol`, {}, cookie);
		await get(`/ar${L2}`, cookie);
		const mine = (await get('/api/v1/me/enrolments', cookie)).json<unknown>();
		expect(mine).toEqual([
			expect.objectContaining({
				course: 'participatory-governance',
				done: 0,
				total: 12,
				resume: { module: 'foundations', lesson: 'tunisia-framework' }
			})
		]);
		const lessonId = h.t.db
			.select()
			.from(lessonProgress)
			.where(eq(lessonProgress.userId, id))
			.all()
			.at(-1)!.lessonId;
		const post = (body: unknown) =>
			h.app.inject({
				method: 'POST',
				url: `/api/v1/me/lessons/${lessonId}/scroll`,
				headers: { cookie, 'content-type': 'application/json' },
				payload: JSON.stringify(body)
			});
		expect((await post({ scroll: 0.5 })).statusCode).toBe(204);
		expect(
			h.t.db
				.select()
				.from(lessonProgress)
				.where(and(eq(lessonProgress.userId, id), eq(lessonProgress.lessonId, lessonId)))
				.get()!.scroll
		).toBe(0.5);
		expect((await post({ scroll: 7 })).statusCode).toBe(400);
		expect((await post({ scroll: 'half' })).statusCode).toBe(400);
	});
});
