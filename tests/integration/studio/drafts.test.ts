import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { createUser } from '../../../src/lib/server/accounts/users.ts';
import {
	auditLog,
	course,
	courseVersion,
	lesson,
	lessonText
} from '../../../src/lib/server/db/schema/index.ts';
import { importCourses } from '../../../src/lib/server/courses/import/import-courses.ts';
import { hashCourseDir } from '../../../src/lib/server/courses/import/hash.ts';
import { exportCourse } from '../../../src/lib/server/studio/export.ts';
import { createStudioCourse } from '../../../src/lib/server/studio/create-course.ts';
import { publishDraft } from '../../../src/lib/server/studio/publish.ts';
import { saveLesson } from '../../../src/lib/server/studio/save-lesson.ts';
import { draftText, saveDraftFile } from '../../../src/lib/server/studio/draft-files.ts';
import { draftOutline } from '../../../src/lib/server/studio/outline.ts';
import { readCourseFolder } from '../../../src/lib/server/studio/draft-files.ts';
import { previewLesson } from '../../../src/lib/server/studio/lesson-edit.ts';
import { setTitles } from '../../../src/lib/server/studio/metadata.ts';
import { moveItem } from '../../../src/lib/server/studio/reorder.ts';
import { insertDraft } from '../../../src/lib/server/studio/draft-files.ts';
import { VALID_COURSE } from '../../helpers/course-fixture.ts';

let t: TestDb;
let out: string;
beforeEach(() => {
	t = createTestDb();
	out = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-export-'));
});
afterEach(() => {
	t.close();
	fs.rmSync(out, { recursive: true, force: true });
});

const trainer = async (name = 'owner') =>
	(
		await createUser(t.db, {
			email: `${name}@studio.example.tn`,
			name,
			password: 'a passphrase long enough',
			locale: 'ar',
			role: 'trainer',
			position: null,
			governorateId: null,
			municipalityId: null,
			gender: null
		})
	).id;

const LESSON = '01-introduction/01-welcome.ar.md';
const MIXED = 'النص مع Tamkeen 2.0 و SQL،\nسطر ثانٍ ينتهي برقم 42.\nLine in French: «oui» 3,5 %!\n';

describe('drafts as course files', () => {
	// Importing the three shipped courses takes ~30 s on shared cores.
	it(
		'exports each shipped course byte for byte after import into a draft',
		{ timeout: 180_000 },
		() => {
			importCourses(t.db, { dir: 'courses' });
			for (const slug of fs
				.readdirSync('courses')
				.filter((n) => fs.existsSync(`courses/${n}/course.yaml`))) {
				const dir = exportCourse(t.db, { slug, dir: out, coursesDir: 'courses' });
				const want = readCourseFolder(`courses/${slug}`);
				const got = readCourseFolder(dir);
				expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
				for (const [p, bytes] of want) expect(got.get(p)?.equals(bytes), p).toBe(true);
				expect(hashCourseDir(dir)).toBe(hashCourseDir(`courses/${slug}`));
			}
		}
	);

	it('creates a course owned by its trainer that publishes as version 1.0.0 and can be read', async () => {
		const owner = await trainer();
		const { courseId } = createStudioCourse(t.db, {
			actorId: owner,
			slug: 'my-course',
			source: 'ar',
			titles: { ar: 'دورتي', fr: 'Mon cours', en: 'My course' }
		});
		saveLesson(t.db, {
			actorId: owner,
			courseId,
			path: LESSON,
			fields: { title: 'درس مختلط', minutes: '6', body: MIXED.replace(/\n/g, '\r\n') }
		});
		expect(draftText(t.db, courseId, LESSON)).toContain(`---\n${MIXED}`);
		const r = publishDraft(t.db, { actorId: owner, courseId, bump: 'minor' });
		expect(r).toMatchObject({ ok: true, version: '1.0.0' });
		const row = t.db.select().from(course).where(eq(course.id, courseId)).get()!;
		expect(row.publishedVersionId).not.toBeNull();
		const text = t.db
			.select({ markdown: lessonText.markdown, html: lessonText.html })
			.from(lessonText)
			.innerJoin(lesson, eq(lesson.id, lessonText.lessonId))
			.where(and(eq(lesson.slug, 'welcome'), eq(lessonText.locale, 'ar')))
			.get()!;
		expect(text.markdown).toBe(MIXED);
		expect(text.html).toContain('Tamkeen 2.0');
		const actions = t.db
			.select()
			.from(auditLog)
			.all()
			.map((a) => a.action)
			.filter((a) => a.startsWith('studio.'));
		expect(actions).toEqual(['studio.course.create', 'studio.draft.save', 'studio.publish']);
	});

	it('refuses to publish a draft with checker errors and names the file and line', async () => {
		const owner = await trainer();
		const { courseId } = createStudioCourse(t.db, {
			actorId: owner,
			slug: 'broken-course',
			source: 'fr',
			titles: { fr: 'Cours', ar: 'دورة' }
		});
		const yaml = draftText(t.db, courseId, 'final.yaml')!;
		saveDraftFile(t.db, {
			courseId,
			path: 'final.yaml',
			text: yaml.replace('answer: true', 'answer: maybe'),
			actorId: owner,
			now: new Date()
		});
		const r = publishDraft(t.db, { actorId: owner, courseId, bump: 'patch' });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.problems[0]).toMatchObject({ file: 'final.yaml', severity: 'error' });
		expect(r.problems[0]!.line).toBeGreaterThan(1);
		expect(t.db.select().from(courseVersion).all()).toHaveLength(0);
	});

	it('bumps the version on the next publication and records it in the draft', async () => {
		const owner = await trainer();
		const { courseId } = createStudioCourse(t.db, {
			actorId: owner,
			slug: 'versions',
			source: 'en',
			titles: { en: 'Versions' }
		});
		publishDraft(t.db, { actorId: owner, courseId, bump: 'patch' });
		expect(draftOutline(t.db, courseId, 'en').changes).toBe(0);
		const r = publishDraft(t.db, { actorId: owner, courseId, bump: 'minor' });
		expect(r).toMatchObject({ ok: true, version: '1.1.0' });
		expect(draftText(t.db, courseId, 'course.yaml')).toContain('version: 1.1.0\n');
	});

	it('shows a translation as outdated once its source lesson changes', async () => {
		const owner = await trainer();
		const { courseId } = createStudioCourse(t.db, {
			actorId: owner,
			slug: 'translated',
			source: 'ar',
			titles: { ar: 'دورة', fr: 'Cours' }
		});
		const fr = LESSON.replace('.ar.', '.fr.');
		const status = () =>
			draftOutline(t.db, courseId, 'fr').modules[0]!.lessons[0]!.languages.find(
				(l) => l.locale === 'fr'
			)!.status;
		expect(status()).toBe('missing');
		saveLesson(t.db, {
			actorId: owner,
			courseId,
			path: fr,
			fields: { title: 'Bienvenue', minutes: '5', body: 'Texte.\n' },
			template: draftText(t.db, courseId, LESSON)
		});
		expect(status()).toBe('current');
		expect(draftText(t.db, courseId, fr)).toContain('sources:');
		saveLesson(t.db, {
			actorId: owner,
			courseId,
			path: LESSON,
			fields: { title: 'الدرس الأول', minutes: '5', body: 'نص جديد.\n' }
		});
		expect(status()).toBe('outdated');
		expect(draftOutline(t.db, courseId, 'fr').completeness.fr).toEqual({ done: 0, total: 1 });
	});

	it('previews with the reader sanitiser: no script or event handler survives', () => {
		const html = previewLesson(
			'<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))',
			'ar'
		);
		expect(html).not.toMatch(/<script|onerror|javascript:/i);
	});

	it('edits a module title in place and reorders modules and lessons by their file names', async () => {
		const owner = await trainer();
		const { courseId } = createStudioCourse(t.db, {
			actorId: owner,
			slug: 'local-budgets',
			source: 'ar',
			titles: { ar: 'x' }
		});
		// Start from the fixture course's files instead of the template.
		t.db.$client.prepare('delete from draft_file where course_id = ?').run(courseId);
		insertDraft(t.db, {
			courseId,
			files: readCourseFolder(VALID_COURSE),
			actorId: owner,
			now: new Date()
		});
		const before = draftText(t.db, courseId, '01-basics/module.yaml')!;
		setTitles(t.db, {
			actorId: owner,
			courseId,
			file: '01-basics/module.yaml',
			titles: { fr: 'Les bases' }
		});
		expect(draftText(t.db, courseId, '01-basics/module.yaml')).toBe(
			before.replace('fr: Les bases du budget', 'fr: Les bases')
		);
		moveItem(t.db, { actorId: owner, courseId, item: '02-participation', direction: 'up' });
		const outline = draftOutline(t.db, courseId, 'fr');
		expect(outline.modules.map((m) => m.dir)).toEqual(['01-participation', '02-basics']);
		moveItem(t.db, { actorId: owner, courseId, item: '02-basics/02-reading', direction: 'up' });
		const lessons = draftOutline(t.db, courseId, 'fr').modules[1]!.lessons.map((l) => l.stem);
		expect(lessons).toEqual(['02-basics/01-reading', '02-basics/02-two-titles']);
		expect(draftText(t.db, courseId, '02-basics/01-reading.fr.md')).not.toBeNull();
		// Still a course the checker accepts, in its new order.
		const r = publishDraft(t.db, { actorId: owner, courseId, bump: 'minor' });
		expect(r.ok ? [] : r.problems).toEqual([]);
	});
});
