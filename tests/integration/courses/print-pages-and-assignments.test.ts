// Course format 2 on the pages: lesson outcomes and sources, worksheets, the facilitator guide,
// and module assignments taken through the quiz attempt flow, on a fixture course.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { postForm } from '../../helpers/forms.ts';
import {
	ASSIGNMENT_YAML,
	copyValidCourse,
	worksheet,
	type CourseCopy
} from '../../helpers/course-fixture.ts';
import { courseIdOf, signedIn } from '../access/staff.ts';
import { importCourse } from '../../../src/lib/server/courses/import/import-courses.ts';
import { enrol } from '../../../src/lib/server/learning/enrolment.ts';
import { gradeEssay, quizStatusForCourse } from '../../../src/lib/server/quiz/attempts/index.ts';
import { ISSUER } from '../quiz/fixture.ts';

type Who = { id: string; cookie: string };
let h: TestApp;
let c: CourseCopy;
let learner: Who;
let stranger: Who;
let courseTrainer: Who;
let otherTrainer: Who;
let admin: Who;

const COURSE = '/fr/courses/local-budgets';
const get = (url: string, who?: Who) =>
	h.app.inject({ url, headers: who ? { cookie: who.cookie } : {} });

beforeAll(async () => {
	h = await buildTestApp({ kit: true });
	c = copyValidCourse();
	c.edit('course.yaml', 'pretest: 2', 'pretest: 2\ntrainers: [runs.it@example.tn]');
	c.edit(
		'01-basics/02-reading.fr.md',
		'minutes: 6',
		'minutes: 6\noutcomes: [Lire un tableau des recettes.]\ncase: fictional\nactivityMinutes: 15'
	);
	c.edit(
		'01-basics/02-reading.fr.md',
		'sources:\n',
		'sources:\n  - "[Guide du budget, ministère des Finances, 2024](https://www.finances.gov.tn/budget)"\n  - "[piège](javascript:alert(1))"\n'
	);
	// Exercise time counts from the course's first locale (ar), like minutes.
	c.edit('01-basics/02-reading.ar.md', 'minutes: 6', 'minutes: 6\nactivityMinutes: 15');
	c.write('01-basics/assignment.yaml', ASSIGNMENT_YAML);
	c.write(
		'worksheets/01-budget-grid.ar.md',
		worksheet('شبكة قراءة الميزانية', 'لتعمير الشبكة باليد.')
	);
	c.write(
		'worksheets/01-budget-grid.fr.md',
		worksheet('Grille de lecture du budget', 'À remplir à la main.')
	);
	c.write('facilitator.ar.md', '---\ntitle: دليل التنشيط\n---\n\n## الحصة 1\n\nاطبع الشبكة.\n');
	c.write(
		'facilitator.fr.md',
		'---\ntitle: Guide d’animation\n---\n\n## Séance 1 (90 min)\n\nImprimez la grille.\n'
	);
	expect(importCourse(h.t.db, { dir: c.dir }).status).toBe('created');
	learner = await signedIn(h.app, h.t.db, 'learner@example.tn', 'learner');
	stranger = await signedIn(h.app, h.t.db, 'stranger@example.tn', 'learner');
	courseTrainer = await signedIn(h.app, h.t.db, 'runs.it@example.tn', 'trainer');
	otherTrainer = await signedIn(h.app, h.t.db, 'other@example.tn', 'trainer');
	admin = await signedIn(h.app, h.t.db, 'admin@example.tn', 'admin');
	enrol(h.t.db, { userId: learner.id, courseId: courseIdOf(h.t.db, 'local-budgets') });
});
afterAll(async () => {
	await h.close();
	c.remove();
});

describe('the lesson page (course format 2)', () => {
	it('shows the outcomes box, exercise time, the fictional-case label and sources as sanitised links', async () => {
		const res = await get(`${COURSE}/basics/reading`, learner);
		expect(res.statusCode).toBe(200);
		expect(res.body).toContain('À l’issue de cette leçon, vous saurez');
		expect(res.body).toContain('Lire un tableau des recettes.');
		expect(res.body).toContain('Cas fictif, à titre d’illustration');
		expect(res.body).toMatch(/Exercice\u202f: 15/);
		expect(res.body).toContain(
			'<a href="https://www.finances.gov.tn/budget">Guide du budget, ministère des Finances, 2024</a>'
		);
		expect(res.body).not.toContain('javascript:');
	});
});

describe('worksheet pages', () => {
	const URL = `${COURSE}/worksheets/budget-grid`;

	it('are for whoever may read every lesson: enrolled learners and staff', async () => {
		const anon = await get(URL);
		expect(anon.statusCode).toBe(303);
		expect(anon.headers.location).toMatch(/\/signin/);
		expect((await get(URL, stranger)).statusCode).toBe(403);
		for (const who of [learner, otherTrainer, admin])
			expect((await get(URL, who)).statusCode).toBe(200);
		expect((await get(`${COURSE}/worksheets/nothing`, learner)).statusCode).toBe(404);
	});

	it('render the worksheet in the reader’s language, with its purpose and its table', async () => {
		const fr = await get(URL, learner);
		expect(fr.body).toContain('<h1>Grille de lecture du budget</h1>');
		expect(fr.body).toContain('À remplir à la main.');
		expect(fr.body).toContain('<table');
		const ar = await get(`/ar/courses/local-budgets/worksheets/budget-grid`, learner);
		expect(ar.body).toContain('شبكة قراءة الميزانية');
		expect(ar.body).toContain('dir="rtl"');
	});

	it('are listed on the course page for those who may read them', async () => {
		expect((await get(COURSE, learner)).body).toContain(
			'/fr/courses/local-budgets/worksheets/budget-grid'
		);
		expect((await get(COURSE, stranger)).body).not.toContain('/worksheets/budget-grid');
	});
});

describe('the facilitator guide', () => {
	const URL = `${COURSE}/facilitator`;

	it('is for the course’s trainers and admins only, linked from the course page for them', async () => {
		expect((await get(URL)).statusCode).toBe(303);
		for (const who of [learner, stranger, otherTrainer])
			expect((await get(URL, who)).statusCode).toBe(403);
		const guide = await get(URL, courseTrainer);
		expect(guide.statusCode).toBe(200);
		expect(guide.body).toContain('Séance 1 (90 min)');
		expect((await get(URL, admin)).statusCode).toBe(200);
		expect((await get(COURSE, courseTrainer)).body).toContain(
			'/fr/courses/local-budgets/facilitator"'
		);
		expect((await get(COURSE, otherTrainer)).body).not.toContain('/facilitator"');
	});
});

describe('module assignments', () => {
	it('are listed with their state, taken through the quiz attempt flow, then graded with a score', async () => {
		const page = await get(COURSE, learner);
		expect(page.body).toContain('Devoirs des modules');
		expect(page.body).toContain('/fr/courses/local-budgets/quiz/basics.assignment');
		expect(page.body).toContain('Non commencé');
		expect((await get('/fr/learn', learner)).body).toContain('Non commencé');

		const started = await postForm(
			h.app,
			`${COURSE}/quiz/basics.assignment?/start`,
			{},
			learner.cookie
		);
		expect(started.statusCode).toBe(303);
		const attemptUrl = String(started.headers.location);
		const essay =
			'Le titre I couvre le fonctionnement et le titre II l’investissement de la commune, '.repeat(
				3
			);
		const submitted = await postForm(
			h.app,
			`${attemptUrl}?/submit`,
			{ 'q:budget-map': essay },
			learner.cookie
		);
		expect(submitted.statusCode).toBe(303);
		expect((await get(COURSE, learner)).body).toContain('Rendu, en attente de correction');

		const courseId = courseIdOf(h.t.db, 'local-budgets');
		const status = quizStatusForCourse(h.t.db, { userId: learner.id, courseId }).find(
			(q) => q.slug === 'basics.assignment'
		)!;
		const attemptId = Number(attemptUrl.split('/').pop());
		gradeEssay(h.t.db, {
			attemptId,
			questionId: 'budget-map',
			score: 8,
			graderId: admin.id,
			issuer: ISSUER
		});
		expect(status.attempts).toBe(1);
		const graded = (await get('/fr/learn', learner)).body;
		expect(graded).toMatch(/Corrigé\u202f: 80\u00a0%/);
		// An assignment is not a module quiz: My learning does not list it among quizzes to pass.
		expect(graded.match(/quiz\/basics\.assignment/g)).toHaveLength(1);
	});
});
