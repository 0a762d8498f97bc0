import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { postForm } from '../../helpers/forms.ts';
import { courseIdOf, signedIn } from '../access/staff.ts';
import { importCourses } from '../../../src/lib/server/courses/import/import-courses.ts';
import { ensureDraft } from '../../../src/lib/server/studio/ensure-draft.ts';
import { draftText, saveDraftFile } from '../../../src/lib/server/studio/draft-files.ts';
import { publishDraft } from '../../../src/lib/server/studio/publish.ts';
import { auditLog, importConflict, lessonText } from '../../../src/lib/server/db/schema/index.ts';

// A course edited in the studio is never overwritten by `courses/`: the importer notes the
// conflict, and an admin keeps the studio's version or takes the files into the draft.
const VALID = path.resolve('tests/fixtures/courses/valid/local-budgets');
const SLUG = 'local-budgets';
const FILE = '01-basics/02-reading.fr.md';
let h: TestApp;
let catalog: string;
type S = Awaited<ReturnType<typeof signedIn>>;
let admin: S, trainer: S;
const get = (url: string, cookie: string) =>
	h.app.inject({ url, headers: { accept: 'text/html', cookie } });
const courseId = () => courseIdOf(h.t.db, SLUG);
const importAgain = () => importCourses(h.t.db, { dir: catalog })[0]?.status;
const editFile = (rel: string, from: string, to: string) => {
	const file = path.join(catalog, SLUG, rel);
	fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(from, to));
};
const conflict = () =>
	h.t.db.select().from(importConflict).where(eq(importConflict.courseId, courseId())).get();

beforeAll(async () => {
	catalog = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-conflicts-'));
	fs.cpSync(VALID, path.join(catalog, SLUG), { recursive: true });
	h = await buildTestApp({ kit: true, env: { COURSES_DIR: catalog } });
	admin = await signedIn(h.app, h.t.db, 'admin@example.tn', 'admin');
	trainer = await signedIn(h.app, h.t.db, 'trainer@example.tn', 'trainer');
	importCourses(h.t.db, { dir: catalog });
	// Edited and published in the studio: from now on the studio holds the course.
	ensureDraft(h.t.db, { courseId: courseId(), slug: SLUG, coursesDir: catalog });
	const studioText = draftText(h.t.db, courseId(), FILE)!.replace(
		'Commencez par les recettes propres.',
		'Texte du studio.'
	);
	saveDraftFile(h.t.db, {
		courseId: courseId(),
		path: FILE,
		text: studioText,
		actorId: admin.id,
		now: new Date()
	});
	expect(
		publishDraft(h.t.db, { actorId: admin.id, courseId: courseId(), bump: 'patch' })
	).toMatchObject({
		ok: true
	});
});
afterAll(async () => {
	await h.close();
	fs.rmSync(catalog, { recursive: true, force: true });
});

describe('import conflicts', () => {
	it('is no conflict when the files are the ones the studio started from', async () => {
		expect(importAgain()).not.toBe('updated');
		expect(conflict()).toBeUndefined();
		const page = await get('/fr/admin/conflicts', admin.cookie);
		expect(page.statusCode).toBe(200);
		expect(page.body).toContain('Aucun conflit');
	});

	it('records a conflict when the files change, keeps the content, and lists what differs', async () => {
		const texts = h.t.db.select().from(lessonText).all();
		fs.appendFileSync(
			path.join(catalog, SLUG, '01-basics/01-two-titles.ar.md'),
			'\nسطر من الملفات.\n'
		);
		expect(importAgain()).toBe('studio-protected');
		expect(h.t.db.select().from(lessonText).all()).toEqual(texts);
		expect(conflict()).toMatchObject({ status: 'open' });
		const page = await get('/fr/admin/conflicts', admin.cookie);
		expect(page.body).toContain(`>${SLUG}</span>`);
		expect(page.body).toMatch(
			/01-basics\/01-two-titles\.ar\.md<\/code> <span class="badge[^"]*">différent/
		);
		expect(page.body).toContain(`${FILE}</code>`);
		expect((await get('/fr/admin/conflicts', trainer.cookie)).statusCode).toBe(403);
		const refused = await postForm(
			h.app,
			'/fr/admin/conflicts?/keep',
			{ courseId: String(courseId()) },
			trainer.cookie
		);
		expect(refused.statusCode).toBe(403);
		expect(conflict()?.status).toBe('open');
	});

	it('keeps the studio version until the files change again', async () => {
		const res = await postForm(
			h.app,
			'/ar/admin/conflicts?/keep',
			{ courseId: String(courseId()) },
			admin.cookie
		);
		expect(res.statusCode).toBe(200);
		expect(res.body).toContain('تمّ الإبقاء على نسخة الاستوديو');
		expect(conflict()).toMatchObject({ status: 'kept', decidedBy: admin.id });
		expect(importAgain()).toBe('studio-protected');
		expect(conflict()?.status).toBe('kept');
		expect((await get('/fr/admin/conflicts', admin.cookie)).body).toContain('Aucun conflit');
		editFile(FILE, 'Commencez par les recettes propres.', 'Texte venu des fichiers.');
		expect(importAgain()).toBe('studio-protected');
		expect(conflict()?.status).toBe('open');
		const again = await postForm(
			h.app,
			'/fr/admin/conflicts?/keep',
			{ courseId: 'abc' },
			admin.cookie
		);
		expect(again.statusCode).toBe(400);
	});

	it('takes the files into the draft only after confirmation, audited, the published text untouched', async () => {
		const texts = h.t.db.select().from(lessonText).all();
		const ask = await postForm(
			h.app,
			'/fr/admin/conflicts?/take',
			{ courseId: String(courseId()) },
			admin.cookie
		);
		expect(ask.statusCode).toBe(200);
		expect(ask.body).toContain('Remplacer le brouillon de');
		expect(draftText(h.t.db, courseId(), FILE)).toContain('Texte du studio.');
		const done = await postForm(
			h.app,
			'/fr/admin/conflicts?/take',
			{ courseId: String(courseId()), confirm: 'yes' },
			admin.cookie
		);
		expect(done.statusCode).toBe(200);
		expect(done.body).toContain('Le brouillon contient désormais les fichiers.');
		expect(draftText(h.t.db, courseId(), FILE)).toBe(
			fs.readFileSync(path.join(catalog, SLUG, FILE), 'utf8')
		);
		expect(conflict()).toMatchObject({ status: 'taken', decidedBy: admin.id });
		const audit = h.t.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'studio.conflict.take'))
			.all();
		expect(audit).toHaveLength(1);
		expect(JSON.stringify(audit[0]?.details)).toContain(FILE);
		expect(h.t.db.select().from(lessonText).all()).toEqual(texts);
		const twice = await postForm(
			h.app,
			'/fr/admin/conflicts?/take',
			{ courseId: String(courseId()), confirm: 'yes' },
			admin.cookie
		);
		expect(twice.statusCode).toBe(404);
		const owner = await get(`/fr/studio/${SLUG}`, admin.cookie);
		expect(owner.statusCode).toBe(200);
	});
});
