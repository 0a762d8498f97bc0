import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, describeBrowser, launchBrowser, screenshot } from '../helpers/browser.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { createUser } from '../../src/lib/server/accounts/users.ts';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import { createStudioCourse } from '../../src/lib/server/studio/create-course.ts';
import { grantStudioRole } from '../../src/lib/server/studio/roles.ts';
import { importCourses } from '../../src/lib/server/courses/import/import-courses.ts';
import { ensureDraft } from '../../src/lib/server/studio/ensure-draft.ts';
import { saveDraftFile } from '../../src/lib/server/studio/draft-files.ts';
import { publishDraft } from '../../src/lib/server/studio/publish.ts';
import { courseIdOf } from '../integration/access/staff.ts';

let h: TestApp;
let url: string;
let browser: Browser;
let db: Db;
let catalog: string;

const SLUG = 'review-journey';
const LESSON = `/studio/${SLUG}/introduction/welcome/ar`;
const COMMENT = 'الفقرة الثانية تذكر Tamkeen 2.0 دون شرح، هل نضيف مثالًا؟';

const account = async (email: string, role: 'trainer' | 'admin') =>
	(
		await createUser(db, {
			email,
			name: email.split('@')[0]!,
			password: 'a long passphrase here',
			locale: 'ar',
			role,
			position: null,
			governorateId: null,
			municipalityId: null,
			gender: null
		})
	).id;

async function contextAs(
	userId: string,
	viewport: { width: number; height: number },
	javaScriptEnabled: boolean
) {
	const context = await browser.newContext({ viewport, javaScriptEnabled });
	context.setDefaultTimeout(30_000);
	const { token } = createSession(db, { userId });
	await context.addCookies([{ name: SESSION_COOKIE, value: token, url }]);
	return context;
}

async function axeClean(
	userId: string,
	viewport: { width: number; height: number },
	paths: string[]
) {
	const context = await contextAs(userId, viewport, true);
	const page = await context.newPage();
	for (const p of paths) {
		expect((await page.goto(`${url}${p}`))?.status(), p).toBe(200);
		expect(await axeViolations(page), p).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth), p).toBeLessThanOrEqual(
			viewport.width
		);
	}
	await context.close();
}

/** A course from `courses/` edited in the studio, whose files then changed: one conflict. */
function conflictingCourse(adminId: string) {
	fs.cpSync(
		path.resolve('tests/fixtures/courses/valid/local-budgets'),
		path.join(catalog, 'local-budgets'),
		{ recursive: true }
	);
	importCourses(db, { dir: catalog });
	const courseId = courseIdOf(db, 'local-budgets');
	ensureDraft(db, { courseId, slug: 'local-budgets', coursesDir: catalog });
	const file = '01-basics/02-reading.fr.md';
	const text = fs.readFileSync(path.join(catalog, 'local-budgets', file), 'utf8');
	saveDraftFile(db, {
		courseId,
		path: file,
		text: `${text}\nAjout du studio.\n`,
		actorId: adminId,
		now: new Date()
	});
	expect(publishDraft(db, { actorId: adminId, courseId, bump: 'patch' }).ok).toBe(true);
	fs.appendFileSync(path.join(catalog, 'local-budgets', file), '\nAjout des fichiers.\n');
	expect(importCourses(db, { dir: catalog })[0]?.status).toBe('studio-protected');
}

describeBrowser('review in the studio, in a real browser', () => {
	beforeAll(async () => {
		const port = await new Promise<number>((resolve) => {
			const srv = net.createServer().listen(0, '127.0.0.1', () => {
				const { port } = srv.address() as net.AddressInfo;
				srv.close(() => {
					resolve(port);
				});
			});
		});
		url = `http://127.0.0.1:${port}`;
		catalog = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-review-'));
		h = await buildTestApp({ kit: true, env: { ORIGIN: url, COURSES_DIR: catalog } });
		await h.app.listen({ host: '127.0.0.1', port });
		db = h.t.db;
		browser = await launchBrowser();
		return async () => {
			await browser.close();
			await h.close();
			fs.rmSync(catalog, { recursive: true, force: true });
		};
	});

	it(
		'a reviewer comments in Arabic at 360 px without JavaScript; the editor resolves it in French at 1280 px',
		{ timeout: 300_000 },
		async () => {
			const owner = await account('owner@example.tn', 'trainer');
			const editor = await account('editor@example.tn', 'trainer');
			const reviewer = await account('reviewer@example.tn', 'trainer');
			const { courseId } = createStudioCourse(db, {
				actorId: owner,
				slug: SLUG,
				source: 'ar',
				titles: { ar: 'المراجعة', fr: 'La relecture', en: 'Review' }
			});
			for (const [email, role] of [
				['editor@example.tn', 'editor'],
				['reviewer@example.tn', 'reviewer']
			] as const)
				grantStudioRole(db, { actorId: owner, courseId, email, role, languages: [] });

			const ar = await contextAs(reviewer, { width: 360, height: 740 }, false);
			const page = await ar.newPage();
			expect((await page.goto(`${url}/ar${LESSON}`))?.status()).toBe(200);
			await page.getByLabel('المقطع المعنيّ بالتعليق (اختياري)').fill('اكتب نص الدرس هنا.');
			await page.getByLabel('تعليقك').last().fill(COMMENT);
			await page.getByRole('button', { name: 'إضافة التعليق' }).click();
			await page.waitForURL(/#comment-\d+$/);
			await page.locator('#comments').getByText(COMMENT).waitFor();
			expect(await page.getByRole('button', { name: 'اعتباره معالجًا' }).count()).toBe(0);
			await screenshot(page, 'studio-review-ar-360-lesson');
			await page.goto(`${url}/ar${LESSON}/comments`);
			await screenshot(page, 'studio-review-ar-360-comments');
			await ar.close();

			const fr = await contextAs(editor, { width: 1280, height: 900 }, true);
			const lesson = await fr.newPage();
			await lesson.goto(`${url}/fr/studio/${SLUG}`);
			await lesson.getByText('Commentaires ouverts\u202f: 1').first().waitFor();
			await screenshot(lesson, 'studio-review-fr-1280-course');
			await lesson.goto(`${url}/fr${LESSON}`);
			await lesson.getByRole('button', { name: 'Marquer comme résolu' }).click();
			await lesson.getByText('Résolu par editor').waitFor();
			await screenshot(lesson, 'studio-review-fr-1280-resolved');
			await fr.close();

			const paths = (l: string) => [
				`/${l}${LESSON}`,
				`/${l}${LESSON}/comments`,
				`/${l}/studio/${SLUG}`
			];
			await axeClean(reviewer, { width: 360, height: 740 }, paths('ar'));
			await axeClean(editor, { width: 1280, height: 900 }, paths('fr'));
		}
	);

	it(
		'an admin sees a conflict with the files and is asked to confirm before taking them',
		{ timeout: 300_000 },
		async () => {
			const admin = await account('admin@example.tn', 'admin');
			conflictingCourse(admin);
			const ar = await contextAs(admin, { width: 360, height: 740 }, false);
			const page = await ar.newPage();
			expect((await page.goto(`${url}/ar/admin/conflicts`))?.status()).toBe(200);
			await page.getByText('01-basics/02-reading.fr.md').waitFor();
			await screenshot(page, 'studio-review-ar-360-conflicts');
			await page.getByRole('button', { name: 'اعتماد الملفات…' }).click();
			await page.getByRole('button', { name: 'نعم، تعويض المسودة' }).waitFor();
			await screenshot(page, 'studio-review-ar-360-conflict-confirm');
			await ar.close();
			await axeClean(admin, { width: 360, height: 740 }, ['/ar/admin/conflicts']);
			await axeClean(admin, { width: 1280, height: 900 }, ['/fr/admin/conflicts']);
			const fr = await contextAs(admin, { width: 1280, height: 900 }, true);
			const p = await fr.newPage();
			await p.goto(`${url}/fr/admin/conflicts`);
			await screenshot(p, 'studio-review-fr-1280-conflicts');
			await fr.close();
		}
	);
});
