// What the importer keeps of the course format additions (COURSE-FORMAT-2).
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	importCourses,
	lessonHref
} from '../../../src/lib/server/courses/import/import-courses.ts';
import { currentCourseMeta } from '../../../src/lib/server/courses/current-meta.ts';
import { schema } from '../../../src/lib/server/db/index.ts';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import {
	ASSIGNMENT_YAML,
	copyValidCourse,
	worksheet,
	type CourseCopy
} from '../../helpers/course-fixture.ts';

const { course, quiz, question, lessonText } = schema;
let t: TestDb;
let c: CourseCopy;

beforeEach(() => {
	t = createTestDb();
	c = copyValidCourse();
});
afterEach(() => {
	t.close();
	c.remove();
});

const meta = () => currentCourseMeta(t.db, t.db.select().from(course).get()!.id)!;

describe('importing course format 2', () => {
	it('stores computed hours and the evidence month instead of the declared hours', () => {
		c.edit('course.yaml', 'reviewed: 2026-11-22', 'reviewed: 2026-11-22\nevidence: 2025-12');
		importCourses(t.db, { dir: c.catalog });
		expect(meta()).toMatchObject({ hours: 1, evidence: '2025-12' });
	});

	it('imports an assignment as a quiz of its module, keyed <module>.assignment, rubric kept', () => {
		c.write('01-basics/assignment.yaml', ASSIGNMENT_YAML);
		importCourses(t.db, { dir: c.catalog });
		const row = t.db.select().from(quiz).where(eq(quiz.slug, 'basics.assignment')).get()!;
		expect(row.moduleId).not.toBeNull();
		expect(row.settings.attempts).toBe(0);
		const q = t.db.select().from(question).where(eq(question.quizId, row.id)).get()!;
		expect(q).toMatchObject({ questionId: 'budget-map', type: 'essay', points: 10 });
		expect(q.body.rubric).toEqual([
			{
				id: 'titles-named',
				points: 4,
				text: { ar: 'يذكر العنوانين.', fr: 'Nomme les deux titres.' }
			},
			{ id: 'figures-read', points: 6, text: { ar: 'يقرأ الأرقام.', fr: 'Lit les chiffres.' } }
		]);
	});

	it('keeps lesson outcomes, exercise minutes and case, and a short answer display', () => {
		c.edit(
			'01-basics/01-two-titles.fr.md',
			'minutes: 8',
			'minutes: 8\noutcomes: [Distinguer les deux titres.]\nactivityMinutes: 10\ncase: fictional'
		);
		c.edit(
			'final.yaml',
			'    accept:\n      ar',
			'    display: { ar: الميزانية, fr: le budget }\n    accept:\n      ar'
		);
		importCourses(t.db, { dir: c.catalog });
		expect(meta().extras!.lessons['basics/two-titles']).toEqual({
			outcomes: { fr: ['Distinguer les deux titres.'] },
			activityMinutes: 0,
			case: 'fictional'
		});
		const short = t.db.select().from(question).where(eq(question.type, 'short')).get()!;
		expect(short.body.display).toEqual({ ar: 'الميزانية', fr: 'le budget' });
	});

	it('renders worksheets and the facilitator guide, and turns lesson links to worksheets into their page', () => {
		c.write('worksheets/01-budget-grid.ar.md', worksheet('شبكة الميزانية', 'لتعمير الشبكة.'));
		c.write('worksheets/01-budget-grid.fr.md', worksheet('Grille du budget', 'Pour remplir.'));
		c.write(
			'facilitator.fr.md',
			'---\ntitle: Guide\n---\n\n## Séance 1\n\n[piège](javascript:alert(1))\n\nImprimez [la grille](worksheets/01-budget-grid.fr.md).\n'
		);
		c.edit(
			'01-basics/01-two-titles.fr.md',
			'La suite :',
			'Grille : [à imprimer](../worksheets/01-budget-grid.fr.md). La suite :'
		);
		importCourses(t.db, { dir: c.catalog });
		const extras = meta().extras!;
		expect(extras.worksheets.map((w) => [w.slug, w.texts.fr?.title, w.texts.fr?.purpose])).toEqual([
			['budget-grid', 'Grille du budget', 'Pour remplir.']
		]);
		expect(extras.worksheets[0]!.texts.ar!.html).toContain('<table');
		const guide = extras.facilitator.fr!;
		expect(guide.title).toBe('Guide');
		expect(guide.html).not.toContain('javascript:');
		expect(guide.html).toContain('href="worksheets/budget-grid"');
		const html = t.db.select().from(lessonText).where(eq(lessonText.locale, 'fr')).all();
		expect(html.some((r) => r.html.includes('href="../worksheets/budget-grid"'))).toBe(true);
		expect(lessonHref('../worksheets/01-budget-grid.ar.md', 'link')).toBe(
			'../worksheets/budget-grid'
		);
	});
});
