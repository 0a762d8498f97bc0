// The importer's rule for a course the studio is working on: an unpublished draft somebody edited
// protects the course from its folder (publishing that draft would otherwise silently undo the
// folder's change); a draft only opened follows the folder and is started again from it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { insertUser } from '../../helpers/synthetic-cohort.ts';
import { importCourses } from '../../../src/lib/server/courses/import/import-courses.ts';
import { ensureDraft } from '../../../src/lib/server/studio/ensure-draft.ts';
import { draftText, saveDraftFile } from '../../../src/lib/server/studio/draft-files.ts';
import {
	course,
	courseMedia,
	draftFile,
	importConflict
} from '../../../src/lib/server/db/schema/index.ts';

const SLUG = 'local-budgets';
const FILE = '01-basics/02-reading.fr.md';
let t: TestDb;
let catalog: string;
const courseId = () => t.db.select().from(course).where(eq(course.slug, SLUG)).get()!.id;
const importAgain = () => importCourses(t.db, { dir: catalog })[0]?.status;
const changeFolder = () => {
	fs.appendFileSync(path.join(catalog, SLUG, FILE), '\nUne phrase ajoutée dans les fichiers.\n');
};
const openStudio = () =>
	ensureDraft(t.db, { courseId: courseId(), slug: SLUG, coursesDir: catalog });

beforeEach(async () => {
	t = createTestDb();
	catalog = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-draft-protection-'));
	fs.cpSync(path.resolve('tests/fixtures/courses/valid', SLUG), path.join(catalog, SLUG), {
		recursive: true
	});
	// One course image, as the studio writes them, so the published images are recorded too.
	fs.mkdirSync(path.join(catalog, SLUG, 'media'));
	const red = { width: 20, height: 10, channels: 3 as const, background: '#c00' };
	await sharp({ create: red })
		.webp()
		.toFile(path.join(catalog, SLUG, 'media', 'chart-0a1b2c3d.webp'));
	expect(importAgain()).toBe('created');
});
afterEach(() => {
	t.close();
	fs.rmSync(catalog, { recursive: true, force: true });
});

describe('an unpublished studio draft and the course folder', () => {
	it('protects a course whose draft someone edited: the folder waits as a conflict', () => {
		openStudio();
		const editor = insertUser(t.db, {
			email: 'editor@example.tn',
			name: 'Editor',
			role: 'trainer'
		});
		const text = draftText(t.db, courseId(), FILE)!.replace(/\.\n/, '. Texte du studio.\n');
		saveDraftFile(t.db, {
			courseId: courseId(),
			path: FILE,
			text,
			actorId: editor,
			now: new Date()
		});
		changeFolder();

		expect(importAgain()).toBe('studio-protected');
		expect(draftText(t.db, courseId(), FILE)).toContain('Texte du studio.');
		const conflict = t.db
			.select()
			.from(importConflict)
			.where(eq(importConflict.courseId, courseId()))
			.get();
		expect(conflict?.status).toBe('open');
	});

	it('updates a course whose draft was only opened, and starts the draft again from the folder', () => {
		openStudio();
		expect(
			t.db.select().from(draftFile).where(eq(draftFile.courseId, courseId())).all()
		).not.toEqual([]);
		changeFolder();

		expect(importAgain()).toBe('updated');
		expect(t.db.select().from(draftFile).where(eq(draftFile.courseId, courseId())).all()).toEqual(
			[]
		);
		openStudio();
		expect(draftText(t.db, courseId(), FILE)).toContain('Une phrase ajoutée dans les fichiers.');
		// The published images stay the course's own after an update (they were once recorded
		// under the new version's id instead).
		const images = t.db.select().from(courseMedia).all();
		expect(images.length).toBeGreaterThan(0);
		expect(images.every((i) => i.courseId === courseId())).toBe(true);
	});
});
