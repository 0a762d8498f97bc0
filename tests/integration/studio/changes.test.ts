import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { importCourses } from '../../../src/lib/server/courses/import/import-courses.ts';
import { ensureDraft } from '../../../src/lib/server/studio/ensure-draft.ts';
import { draftText, saveDraftFile } from '../../../src/lib/server/studio/draft-files.ts';
import { draftChanges } from '../../../src/lib/server/studio/changes.ts';
import { draftOutline } from '../../../src/lib/server/studio/outline.ts';
import { courseIdOf } from '../access/staff.ts';

// A course imported from files: its draft starts from the files, which are also what the diff
// compares with (the published snapshot), on a real SQLite file with the real migrations.
const DIR = 'tests/fixtures/courses/valid';
const SLUG = 'local-budgets';
let t: TestDb;
let courseId: number;
const now = new Date('2026-12-01T10:00:00Z');

beforeAll(() => {
	t = createTestDb();
	importCourses(t.db, { dir: DIR });
	courseId = courseIdOf(t.db, SLUG);
	expect(ensureDraft(t.db, { courseId, slug: SLUG, coursesDir: DIR, now })).toBe(true);
});
afterAll(() => {
	t.close();
});

const edit = (path: string, from: string, to: string) => {
	const text = draftText(t.db, courseId, path)!;
	expect(text).toContain(from);
	saveDraftFile(t.db, { courseId, path, text: text.replace(from, to), actorId: null, now });
};

describe('the draft of an imported course against its published files', () => {
	it('has no changes as imported', () => {
		expect(draftChanges(t.db, { courseId, published: true })).toEqual({
			lessons: [],
			quizzes: [],
			files: [],
			languages: []
		});
	});

	it('names the edited lesson and question with their languages, and the translation goes outdated', () => {
		const source = draftOutline(t.db, courseId, 'fr').source;
		expect(source).toBe('ar');
		const reading = () =>
			draftOutline(t.db, courseId, 'fr')
				.modules[0]!.lessons.find((l) => l.slug === 'reading')!
				.languages.find((g) => g.locale === 'fr')!.status;
		expect(reading()).toBe('current');
		edit(
			'01-basics/02-reading.ar.md',
			'## الموارد والنفقات\n',
			'## الموارد والنفقات\n\nفقرة مضافة عن ميزانية 2026 و PAI.\n'
		);
		edit(
			'01-basics/quiz.yaml',
			'fr: "Que finance le titre II ?"',
			'fr: "Que finance le titre 2 ?"'
		);
		const c = draftChanges(t.db, { courseId, published: true });
		expect(c.lessons.map((l) => [l.path, l.kind, l.locale])).toEqual([
			['01-basics/02-reading.ar.md', 'changed', 'ar']
		]);
		expect(c.lessons[0]!.parts?.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual([
			'فقرة مضافة عن ميزانية 2026 و PAI.\n\n'
		]);
		expect(c.quizzes).toEqual([
			{
				path: '01-basics/quiz.yaml',
				kind: 'changed',
				questions: [{ id: 'title-two', kind: 'changed', languages: ['fr'], structure: false }]
			}
		]);
		expect(c.languages).toEqual(['ar', 'fr']);
		expect(reading()).toBe('outdated');
	});
});
