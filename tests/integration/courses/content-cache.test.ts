// Issue 15: course structure and lesson HTML are cached per content version. What a cache may
// never do: show one learner another's state, or keep showing a course after an import.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm, registration } from '../../helpers/forms.ts';
import { user } from '../../../src/lib/server/db/schema/index.ts';
import { contentVersion } from '../../../src/lib/server/courses/cache.ts';

let h: TestApp;
let coursesDir: string;
const PG = '/courses/participatory-governance';
const L1 = `${PG}/foundations/decentralisation-basics`;
const L2 = `${PG}/foundations/tunisia-framework`;
const LESSON_FILE = '01-foundations/02-tunisia-framework.fr.md';

beforeAll(async () => {
	// A copy of the course, so the test can change its files as an author would.
	coursesDir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'tamkeen-cache-courses-'));
	fs.cpSync('courses/participatory-governance', path.join(coursesDir, 'participatory-governance'), {
		recursive: true
	});
	h = await buildTestApp({ kit: true, courses: true, env: { COURSES_DIR: coursesDir } });
});
afterAll(async () => {
	await h.close();
	fs.rmSync(coursesDir, { recursive: true, force: true });
});

const get = (url: string, cookie = '') => h.app.inject({ url, headers: cookie ? { cookie } : {} });

async function learner() {
	const fields = registration();
	const res = await postForm(h.app, '/fr/register', fields);
	const cookie = cookiesFrom(res.headers);
	const id = h.t.db.select().from(user).where(eq(user.email, fields.email)).get()!.id;
	return { cookie, id };
}

describe('content caches', () => {
	it('never show one learner another learner’s enrolment, progress or attempts', async () => {
		const a = await learner();
		const b = await learner();
		expect((await postForm(h.app, `/fr${PG}?/enrol`, {}, a.cookie)).statusCode).toBe(303);
		expect((await postForm(h.app, `/fr${L1}?/complete`, {}, a.cookie)).statusCode).toBe(303);
		const started = await postForm(h.app, `/fr${PG}/quiz/foundations?/start`, {}, a.cookie);
		expect(started.statusCode).toBe(303);
		const attemptPath = started.headers.location!;
		// A warms every cache first; B then reads the same pages.
		const aCourse = await get(`/fr${PG}`, a.cookie);
		const aLesson = await get(`/fr${L2}`, a.cookie);
		const aLearn = await get('/fr/learn', a.cookie);
		expect(aLesson.statusCode).toBe(200);
		expect((await get(attemptPath, a.cookie)).statusCode).toBe(200);
		expect(aCourse.body).not.toContain('?/enrol');
		expect(aLearn.body).toContain(`href="/fr${PG}`);

		const bCourse = await get(`/fr${PG}`, b.cookie);
		expect(bCourse.body).toContain('?/enrol');
		expect((await get(`/fr${L2}`, b.cookie)).statusCode).toBe(403);
		expect((await get('/fr/learn', b.cookie)).body).not.toContain(`href="/fr${PG}`);
		expect((await get(attemptPath, b.cookie)).statusCode).toBe(404);
		const bMine = await get('/api/v1/me/enrolments', b.cookie);
		expect(bMine.statusCode, bMine.body).toBe(200);
		expect(bMine.body).not.toContain('participatory-governance');

		// Enrolled, B starts from nothing: A's finished lesson is not B's.
		expect((await postForm(h.app, `/fr${PG}?/enrol`, {}, b.cookie)).statusCode).toBe(303);
		expect((await get(`/fr${L2}`, b.cookie)).statusCode).toBe(200);
		const percent = (body: string) => /(\d+)\s?%/.exec(body)?.[1];
		expect(percent((await get(`/fr${PG}`, b.cookie)).body)).toBe('0');
		expect(percent((await get(`/fr${PG}`, a.cookie)).body)).not.toBe('0');
		expect((await get(`/fr${PG}/quiz/foundations`, b.cookie)).body).not.toContain(attemptPath);
	});

	it('show what an import in another process changed on every page at once', async () => {
		const cookie = (await learner()).cookie;
		expect((await postForm(h.app, `/fr${PG}?/enrol`, {}, cookie)).statusCode).toBe(303);
		// Warm: the catalog, the course page, the lesson page and the API hold the old texts.
		for (const url of ['/fr/courses', `/fr${PG}`, `/fr${L2}`, `/api/v1/courses${PG.slice(8)}`])
			expect((await get(url, cookie)).statusCode).toBe(200);
		const before = contentVersion(h.t.db);

		const file = path.join(coursesDir, 'participatory-governance', LESSON_FILE);
		fs.writeFileSync(
			file,
			fs
				.readFileSync(file, 'utf8')
				.replace(/^title: .*$/m, 'title: "Titre nouveau du cadre"')
				.replace('Beaucoup de supports', 'Texte nouveau. Beaucoup de supports')
		);
		const yaml = path.join(coursesDir, 'participatory-governance', 'course.yaml');
		fs.writeFileSync(
			yaml,
			fs
				.readFileSync(yaml, 'utf8')
				.replace(
					'fr: Gouvernance participative et gouvernance locale ouverte',
					'fr: Gouvernance participative, édition nouvelle'
				)
		);
		// The command-line import: another process, another connection to the same file.
		execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/courses-import.ts', coursesDir], {
			env: { ...process.env, DATABASE_URL: h.t.file },
			stdio: 'pipe'
		});
		expect(contentVersion(h.t.db)).toBeGreaterThan(before);

		const lesson = await get(`/fr${L2}`, cookie);
		expect(lesson.body).toContain('Titre nouveau du cadre');
		expect(lesson.body).toContain('Texte nouveau.');
		expect((await get(`/fr${PG}`, cookie)).body).toContain('Titre nouveau du cadre');
		expect((await get(`/fr${PG}`, cookie)).body).toContain('édition nouvelle');
		expect((await get('/fr/courses')).body).toContain('édition nouvelle');
		expect((await get(`/fr${L1}`, cookie)).body).toContain('Titre nouveau du cadre');
		expect((await get(`/api/v1/courses${PG.slice(8)}`)).body).toContain('édition nouvelle');
	});
});
