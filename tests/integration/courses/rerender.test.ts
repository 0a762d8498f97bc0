// Lesson HTML is stored at import; a renderer change must reach databases whose course files
// did not change (issue 15 follow-up).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { appState, lessonText } from '../../../src/lib/server/db/schema/index.ts';
import {
	importCourses,
	renderStoredLesson
} from '../../../src/lib/server/courses/import/import-courses.ts';
import { RENDERER_VERSION } from '../../../src/lib/server/courses/render/version.ts';
import { contentVersion } from '../../../src/lib/server/courses/cache.ts';

let t: TestDb;
beforeEach(() => {
	t = createTestDb();
	importCourses(t.db, { dir: 'tests/fixtures/courses/valid' });
});
afterEach(() => {
	t.close();
});

const stale = () => t.db.update(lessonText).set({ html: '<p>stale</p>' }).run();
const htmls = () => t.db.select().from(lessonText).all();

describe('stored lesson HTML', () => {
	it('records which renderer wrote it', () => {
		const row = t.db.select().from(appState).where(eq(appState.key, 'renderer')).get();
		expect(row?.value).toBe(RENDERER_VERSION);
		expect(htmls().length).toBeGreaterThan(0);
	});

	it('is kept while the renderer is the same and the files did not change', () => {
		stale();
		importCourses(t.db, { dir: 'tests/fixtures/courses/valid' });
		expect(htmls().every((r) => r.html === '<p>stale</p>')).toBe(true);
	});

	it('is rendered anew by the next import once the renderer version changed, and caches are told', () => {
		stale();
		t.db
			.update(appState)
			.set({ value: RENDERER_VERSION - 1 })
			.where(eq(appState.key, 'renderer'))
			.run();
		const before = contentVersion(t.db);
		importCourses(t.db, { dir: 'tests/fixtures/courses/valid' });
		for (const r of htmls()) expect(r.html).toBe(renderStoredLesson(r.markdown, r.locale));
		expect(contentVersion(t.db)).toBeGreaterThan(before);
		const row = t.db.select().from(appState).where(eq(appState.key, 'renderer')).get();
		expect(row?.value).toBe(RENDERER_VERSION);
	});
});
