import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	importCourses,
	lessonHref
} from '../../../src/lib/server/courses/import/import-courses.ts';
import { exportGift } from '../../../src/lib/server/quiz/formats/export-gift.ts';
import { loadConfig } from '../../../src/lib/server/config.ts';
import { schema } from '../../../src/lib/server/db/index.ts';
import { startupTasks } from '../../../src/server/startup.ts';
import { createTestDb, type TestDb } from '../../helpers/db.ts';

const { course, courseVersion, module, lesson, lessonText, quiz, question } = schema;
const VALID = path.resolve('tests/fixtures/courses/valid/local-budgets');
const BROKEN = path.resolve('tests/fixtures/courses/broken/single-no-correct');

let t: TestDb;
let catalog: string;
let dir: string;

beforeEach(() => {
	t = createTestDb();
	catalog = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-courses-'));
	dir = path.join(catalog, 'local-budgets');
	fs.cpSync(VALID, dir, { recursive: true });
});

afterEach(() => {
	t.close();
	fs.rmSync(catalog, { recursive: true, force: true });
});

const changes = () =>
	(t.db.$client.prepare('select total_changes() as n').get() as { n: number }).n;
const edit = (rel: string, from: string, to: string) => {
	const file = path.join(dir, rel);
	const text = fs.readFileSync(file, 'utf8');
	expect(text).toContain(from);
	fs.writeFileSync(file, text.replace(from, to));
};
/** Every row id a learner's progress or answers could point at, by stable slug. */
const ids = () => ({
	modules: t.db.select({ slug: module.slug, id: module.id }).from(module).all(),
	lessons: t.db.select({ slug: lesson.slug, id: lesson.id }).from(lesson).all(),
	questions: t.db.select({ qid: question.questionId, id: question.id }).from(question).all()
});

describe('importCourses', () => {
	it('creates the course with its modules, lessons in both locales, quizzes and questions', () => {
		const [result] = importCourses(t.db, { dir: catalog });
		expect(result).toMatchObject({
			slug: 'local-budgets',
			status: 'created',
			version: '1.0.0',
			errors: 0
		});
		const row = t.db.select().from(course).get()!;
		expect(row).toMatchObject({
			slug: 'local-budgets',
			source: 'files',
			editedInStudio: false,
			archived: false
		});
		expect(row.currentVersionId).not.toBeNull();
		expect(row.publishedVersionId).toBe(row.currentVersionId);
		expect(
			t.db
				.select()
				.from(module)
				.all()
				.map((m) => [m.slug, m.position])
		).toEqual([
			['basics', 1],
			['participation', 2]
		]);
		expect(t.db.select().from(lessonText).all()).toHaveLength(6);
		expect(
			t.db
				.select()
				.from(quiz)
				.all()
				.map((q) => q.slug)
				.sort()
		).toEqual(['basics', 'final']);
		expect(t.db.select().from(question).all()).toHaveLength(12);
		const version = t.db.select().from(courseVersion).get()!;
		expect(version.metadata).toMatchObject({
			locales: ['ar', 'fr'],
			title: { fr: 'Lire le budget de sa commune' },
			completion: { passMark: 70 }
		});
	});

	it('stores sanitised HTML with links between lessons turned into reader links', () => {
		importCourses(t.db, { dir: catalog });
		const text = t.db
			.select()
			.from(lessonText)
			.where(eq(lessonText.title, 'Les deux titres du budget'))
			.get()!;
		expect(text.html).toContain('<a href="reading">lire le budget</a>');
		expect(text.html).toContain(
			'<div class="callout callout-status" role="note" data-date="2026-11">'
		);
		expect(text.sources).toHaveLength(1);
		expect(text.wordCount).toBeGreaterThan(20);
		const hearing = t.db
			.select()
			.from(lessonText)
			.where(eq(lessonText.title, "L'audition publique"))
			.get()!;
		expect(hearing.html).toContain('href="../basics/two-titles#titre-i-et-titre-ii"');
	});

	it('writes nothing when the files have not changed', () => {
		importCourses(t.db, { dir: catalog });
		const before = changes();
		const [again] = importCourses(t.db, { dir: catalog });
		expect(again!.status).toBe('unchanged');
		expect(changes()).toBe(before);
		expect(t.db.select().from(courseVersion).all()).toHaveLength(1);
	});

	it('records a new version for changed files and keeps the ids learners progress is stored on', () => {
		importCourses(t.db, { dir: catalog });
		const before = ids();
		edit(
			'01-basics/02-reading.fr.md',
			'Commencez par les recettes propres.',
			'Commencez toujours par les recettes propres.'
		);
		edit('course.yaml', 'version: 1.0.0', 'version: 1.1.0');
		const [result] = importCourses(t.db, { dir: catalog });
		expect(result).toMatchObject({ status: 'updated', version: '1.1.0' });
		expect(ids()).toEqual(before);
		const versions = t.db.select().from(courseVersion).all();
		expect(versions.map((v) => v.version)).toEqual(['1.0.0', '1.1.0']);
		expect(t.db.select().from(course).get()!.currentVersionId).toBe(versions[1]!.id);
		const text = t.db
			.select()
			.from(lessonText)
			.where(eq(lessonText.title, 'Lire le tableau des recettes'))
			.get()!;
		expect(text.html).toContain('Commencez toujours par les recettes propres.');
	});

	it('archives a removed lesson and a removed question instead of deleting them', () => {
		importCourses(t.db, { dir: catalog });
		for (const locale of ['ar', 'fr'])
			fs.rmSync(path.join(dir, `01-basics/02-reading.${locale}.md`));
		edit('01-basics/01-two-titles.fr.md', 'La suite : [lire le budget](02-reading.fr.md).', '');
		edit('01-basics/01-two-titles.ar.md', 'التالي: [قراءة الميزانية](02-reading.ar.md).', '');
		edit('final.yaml', '  - id: reflect\n', '  - id: reflect-removed\n');
		expect(importCourses(t.db, { dir: catalog })[0]!.status).toBe('updated');
		const reading = t.db.select().from(lesson).where(eq(lesson.slug, 'reading')).get()!;
		expect(reading.archived).toBe(true);
		expect(
			t.db.select().from(lessonText).where(eq(lessonText.lessonId, reading.id)).all()
		).toHaveLength(2);
		expect(t.db.select().from(lesson).where(eq(lesson.slug, 'two-titles')).get()!.archived).toBe(
			false
		);
		const byId = Object.fromEntries(
			t.db
				.select()
				.from(question)
				.all()
				.map((q) => [q.questionId, q.archived])
		);
		expect(byId).toMatchObject({ reflect: true, 'reflect-removed': false, 'title-one': false });
	});

	it("keeps a question's idnumber and tags in its stored body, and exports them to GIFT", () => {
		edit(
			'final.yaml',
			'  - id: reflect\n',
			'  - id: reflect\n    idnumber: LB-REFLECT\n    tags: [réflexion, budget]\n'
		);
		expect(importCourses(t.db, { dir: catalog })[0]?.errors).toBe(0);
		const row = t.db.select().from(question).where(eq(question.questionId, 'reflect')).get();
		if (!row) throw new Error('question "reflect" was not imported');
		expect(row.body).toMatchObject({ idnumber: 'LB-REFLECT', tags: ['réflexion', 'budget'] });
		const gift = exportGift(
			[{ id: row.questionId, type: 'essay', points: row.points, body: row.body }],
			{ locale: 'fr' }
		);
		expect(gift.startsWith('// [id:LB-REFLECT] [tag:réflexion] [tag:budget]\n::reflect::')).toBe(
			true
		);
	});

	it('never overwrites a course edited in the studio: it records a draft version instead', () => {
		importCourses(t.db, { dir: catalog });
		t.db.update(course).set({ source: 'studio', editedInStudio: true }).run();
		const current = t.db.select().from(course).get()!;
		const textsBefore = t.db.select().from(lessonText).all();
		edit(
			'01-basics/02-reading.fr.md',
			'Commencez par les recettes propres.',
			'Texte venu des fichiers.'
		);
		expect(importCourses(t.db, { dir: catalog })[0]!.status).toBe('studio-protected');
		expect(t.db.select().from(lessonText).all()).toEqual(textsBefore);
		expect(t.db.select().from(course).get()).toEqual(current);
		expect(
			t.db
				.select()
				.from(courseVersion)
				.all()
				.map((v) => v.status)
		).toEqual(['applied', 'draft']);
		const before = changes();
		expect(importCourses(t.db, { dir: catalog })[0]!.status).toBe('studio-protected');
		expect(changes()).toBe(before);
	});

	it('skips a course with errors whole and still imports the others', () => {
		fs.cpSync(BROKEN, path.join(catalog, 'single-no-correct'), { recursive: true });
		const results = importCourses(t.db, { dir: catalog });
		expect(results.map((r) => [r.slug, r.status])).toEqual([
			['local-budgets', 'created'],
			['single-no-correct', 'skipped']
		]);
		expect(
			results[1]!.problems.filter((p) => p.severity === 'error').map((p) => p.message)
		).toEqual(['a single-choice question needs exactly one option with "correct: true", found 0']);
		expect(t.db.select({ slug: course.slug }).from(course).all()).toEqual([
			{ slug: 'local-budgets' }
		]);
	});

	it('archives a course whose folder is gone from the catalogue', () => {
		importCourses(t.db, { dir: catalog });
		fs.rmSync(dir, { recursive: true });
		expect(importCourses(t.db, { dir: catalog })).toMatchObject([
			{ slug: 'local-budgets', status: 'archived' }
		]);
		expect(t.db.select().from(course).get()!.archived).toBe(true);
	});
});

describe('lessonHref', () => {
	it('maps lesson files to reader paths and leaves the rest alone', () => {
		expect(lessonHref('02-vision.en.md', 'link')).toBe('vision');
		expect(lessonHref('../02-diagnosis/01-swot.fr.md#phase-1', 'link')).toBe(
			'../diagnosis/swot#phase-1'
		);
		expect(lessonHref('https://example.org/a.md', 'link')).toBe('https://example.org/a.md');
		expect(lessonHref('media/map.svg', 'image')).toBe('media/map.svg');
	});
});

describe('startupTasks', () => {
	it('imports the courses folder and logs one line per course, invalid ones as errors', async () => {
		fs.cpSync(BROKEN, path.join(catalog, 'single-no-correct'), { recursive: true });
		const lines: [string, string][] = [];
		const log = {
			info: (_o: unknown, msg: string) => lines.push(['info', msg]),
			error: (_o: unknown, msg: string) => lines.push(['error', msg])
		} as unknown as FastifyBaseLogger;
		const config = loadConfig({ DATABASE_URL: t.file, COURSES_DIR: catalog });
		await startupTasks({ db: t.db, config }, log);
		expect(lines[0]).toEqual(['info', 'course local-budgets 1.0.0: created']);
		expect(lines[1]![0]).toBe('error');
		expect(lines[1]![1]).toMatch(
			/^course single-no-correct: skipped \(1 error\)\n {2}.*final\.yaml:12:7: a single-choice question/
		);
		expect(t.db.select().from(course).all()).toHaveLength(1);
	});
});
