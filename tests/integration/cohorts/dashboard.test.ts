// The trainer's side of a running cohort, over HTTP: one learner's record, announcements and due
// dates shown to members only, exports read back, and `?cohort=` on item analysis and essays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { postForm } from '../../helpers/forms.ts';
import { finishLessons, passAllQuizzes } from '../../helpers/learning.ts';
import { courseIdOf, signedIn } from '../access/staff.ts';
import { assignCourseTrainer } from '../../../src/lib/server/courses/trainers.ts';
import { createCohort } from '../../../src/lib/server/cohorts/cohorts.ts';
import { addMember } from '../../../src/lib/server/cohorts/members.ts';
import { setDueDates } from '../../../src/lib/server/cohorts/due-dates.ts';
import { syllabus } from '../../../src/lib/server/learning/catalog.ts';
import { cohortAnnouncement } from '../../../src/lib/server/db/schema/index.ts';

let h: TestApp;
type S = Awaited<ReturnType<typeof signedIn>>;
let admin: S, runner: S, other: S, amel: S, sami: S, outsider: S;
let cohortId: number, otherCohortId: number, courseId: number;

const PG = 'participatory-governance';
const get = (url: string, cookie = '') =>
	h.app.inject({ url, headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });

beforeAll(async () => {
	h = await buildTestApp({ kit: true, courses: true });
	const db = h.t.db;
	admin = await signedIn(h.app, db, 'admin@example.tn', 'admin');
	runner = await signedIn(h.app, db, 'runner@example.tn', 'trainer');
	other = await signedIn(h.app, db, 'other@example.tn', 'trainer');
	amel = await signedIn(h.app, db, 'amel@example.tn', 'learner');
	sami = await signedIn(h.app, db, 'sami@example.tn', 'learner');
	outsider = await signedIn(h.app, db, 'outsider@example.tn', 'learner');
	courseId = courseIdOf(db, PG);
	for (const t of [runner, other])
		assignCourseTrainer(db, { actorId: admin.id, courseId, userId: t.id });
	const actor = (u: S) => ({ id: u.id, role: 'trainer' as const, email: '' });
	cohortId = createCohort(db, { actor: actor(runner), courseId, input: { name: 'Sfax 2026' } }).id;
	otherCohortId = createCohort(db, {
		actor: actor(other),
		courseId,
		input: { name: 'Jendouba' }
	}).id;
	for (const u of [amel, sami])
		addMember(db, { cohortId, userId: u.id, method: 'picked', actorId: runner.id });
	// Enrolled in the course, but in the other trainer's cohort: not the runner's to see.
	addMember(db, {
		cohortId: otherCohortId,
		userId: outsider.id,
		method: 'picked',
		actorId: other.id
	});
	finishLessons(db, { userId: amel.id, courseId });
	passAllQuizzes(db, { userId: amel.id, courseId });
	finishLessons(db, { userId: outsider.id, courseId });
});
afterAll(() => h.close());

describe('one learner’s record', () => {
	it('shows the runner lessons with dates, attempts with answers, pre-test vs final and the certificate', async () => {
		const res = await get(`/fr/trainer/cohorts/${cohortId}/learners/${amel.id}`, runner.cookie);
		expect(res.statusCode).toBe(200);
		expect(res.body).toContain('amel@example.tn');
		expect(res.body).toContain('Tentatives remises');
		expect(res.body).toContain('Votre réponse');
		expect(res.body).toMatch(/Délivré le .+, code /);
		expect(res.body).not.toContain('Pas encore de certificat');
		const none = await get(`/fr/trainer/cohorts/${cohortId}/learners/${sami.id}`, admin.cookie);
		expect(none.statusCode).toBe(200);
		expect(none.body).toContain('Aucune tentative remise');
		expect(none.body).toContain('Pas encore de certificat');
	});

	it('IDOR: another cohort’s trainer, a learner outside the cohort and a made-up id get 404', async () => {
		const page = (id: string, cookie: string) =>
			get(`/fr/trainer/cohorts/${cohortId}/learners/${id}`, cookie);
		expect((await page(amel.id, other.cookie)).statusCode).toBe(404);
		expect((await page(outsider.id, runner.cookie)).statusCode).toBe(404);
		expect((await page('no-such-user', runner.cookie)).statusCode).toBe(404);
		// Through the cohort they do run, the other trainer still cannot reach the runner's learner.
		expect(
			(await get(`/fr/trainer/cohorts/${otherCohortId}/learners/${amel.id}`, other.cookie))
				.statusCode
		).toBe(404);
		expect((await page(amel.id, amel.cookie)).statusCode).toBe(403);
	});
});

describe('announcements and due dates', () => {
	it('a runner posts an announcement with a plain form; another trainer’s post is refused and nothing is written', async () => {
		const post = (cookie: string, body: string) =>
			postForm(h.app, `/fr/trainer/cohorts/${cohortId}?/announce`, { body }, cookie);
		expect((await post(other.cookie, 'Intrus')).statusCode).toBe(404);
		const empty = await post(runner.cookie, '   ');
		expect(empty.statusCode).toBe(400);
		expect(h.t.db.select().from(cohortAnnouncement).all()).toHaveLength(0);
		expect((await post(runner.cookie, 'Séance en présentiel jeudi à 9 h.')).statusCode).toBe(200);
		expect((await get(`/fr/trainer/cohorts/${cohortId}`, runner.cookie)).body).toContain(
			'Séance en présentiel jeudi à 9 h.'
		);
	});

	it('members see it with the due dates on My learning and the course page; overdue said in words; others see nothing', async () => {
		const mods = syllabus(h.t.db, courseId);
		setDueDates(h.t.db, {
			actorId: runner.id,
			cohortId,
			dates: new Map([
				[mods[0]!.id, '2020-01-15'],
				[mods[1]!.id, '2099-06-30']
			])
		});
		const learn = await get('/fr/learn', sami.cookie);
		expect(learn.body).toContain('Séance en présentiel jeudi à 9 h.');
		expect(learn.body).toMatch(/échéance dépassée depuis le 15 janvier 2020/);
		expect(learn.body).toMatch(/à terminer pour le 30 juin 2099/);
		const course = await get(`/ar/courses/${PG}`, sami.cookie);
		expect(course.body).toContain('Séance en présentiel jeudi à 9 h.');
		expect(course.body).toContain('تجاوز الأجل منذ 15 جانفي 2020');
		// Amel finished every lesson: her first module is not overdue.
		expect((await get('/fr/learn', amel.cookie)).body).not.toContain('échéance dépassée');
		for (const page of ['/fr/learn', `/fr/courses/${PG}`]) {
			const body = (await get(page, outsider.cookie)).body;
			expect(body, page).not.toContain('Séance en présentiel');
			expect(body, page).not.toContain('2099');
		}
	});
});

describe('exports', () => {
	it('the grid as CSV with a BOM, named after the cohort and the day', async () => {
		const res = await get(
			`/fr/trainer/cohorts/${cohortId}/export?table=grid&format=csv`,
			runner.cookie
		);
		expect(res.statusCode).toBe(200);
		expect(res.body.charCodeAt(0)).toBe(0xfeff);
		const day = new Date().toISOString().slice(0, 10);
		expect(res.headers['content-disposition']).toContain(`cohort-${cohortId}-grid-${day}.csv`);
		expect(res.headers['content-disposition']).toContain(
			`filename*=UTF-8''${encodeURIComponent(`Sfax 2026-grid-${day}.csv`)}`
		);
		const rows: string[][] = parse(res.body.slice(1), { relax_column_count: true });
		expect(rows[0]?.slice(0, 2)).toEqual(['Apprenant·e', 'E-mail']);
		expect(
			rows
				.map((r) => r[1])
				.slice(1)
				.sort()
		).toEqual(['amel@example.tn', 'sami@example.tn']);
		const amelRow = rows.find((r) => r[1] === 'amel@example.tn')!;
		expect(amelRow.slice(-2)).toEqual(['oui', 'oui']);
	});

	it('the attempts as XLSX, right to left in Arabic, read back', async () => {
		const res = await get(
			`/ar/trainer/cohorts/${cohortId}/export?table=attempts&format=xlsx`,
			runner.cookie
		);
		expect(res.statusCode).toBe(200);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
		const sheet = book.worksheets[0]!;
		expect(sheet.views[0]?.rightToLeft).toBe(true);
		expect(sheet.getRow(1).getCell(1).value).toBe('المتعلم');
		const emails = new Set<unknown>();
		sheet.eachRow((row, n) => {
			if (n > 1) emails.add(row.getCell(2).value);
		});
		expect([...emails]).toEqual(['amel@example.tn']);
		expect(sheet.rowCount).toBeGreaterThan(2);
	});

	it('refuses an unknown table with a 400, and another trainer with a 404', async () => {
		expect(
			(await get(`/fr/trainer/cohorts/${cohortId}/export?table=all&format=csv`, runner.cookie))
				.statusCode
		).toBe(400);
		expect(
			(await get(`/fr/trainer/cohorts/${cohortId}/export?table=grid&format=csv`, other.cookie))
				.statusCode
		).toBe(404);
	});
});

describe('?cohort= on item analysis and the essay queue', () => {
	it('narrows item analysis to the cohort, among the cohorts the reader runs only', async () => {
		const url = (id: number) => `/fr/courses/${PG}/analysis?quiz=final&cohort=${id}`;
		const mine = await get(url(cohortId), runner.cookie);
		expect(mine.statusCode).toBe(200);
		expect(mine.body).toContain('Sfax 2026');
		expect(mine.body).not.toContain('Jendouba');
		expect((await get(url(otherCohortId), runner.cookie)).statusCode).toBe(404);
		expect((await get(`/fr/courses/${PG}/analysis?cohort=abc`, runner.cookie)).statusCode).toBe(
			404
		);
		expect((await get(url(otherCohortId), admin.cookie)).statusCode).toBe(200);
	});

	it('narrows the essay queue the same way', async () => {
		expect(
			(await get(`/fr/courses/${PG}/grading?cohort=${cohortId}`, runner.cookie)).statusCode
		).toBe(200);
		expect(
			(await get(`/fr/courses/${PG}/grading?cohort=${otherCohortId}`, runner.cookie)).statusCode
		).toBe(404);
	});
});
