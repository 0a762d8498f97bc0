import { beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, describeBrowser, launchBrowser, screenshot } from '../helpers/browser.ts';
import { listenTestApp, type TestApp } from '../helpers/app.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { course } from '../../src/lib/server/db/schema/index.ts';
import { createUser } from '../../src/lib/server/accounts/users.ts';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import { draftText } from '../../src/lib/server/studio/draft-files.ts';

let h: TestApp;
let url: string;
let browser: Browser;
let db: Db;

const SLUG = 'mixed-lesson';
const FILE = '01-introduction/01-welcome.ar.md';
// Mixed Arabic and Latin, numbers and punctuation at line ends: where RTL editors go wrong.
const TYPED =
	'## مقدمة\n' +
	'تعتمد البلدية على Tamkeen 2.0 منذ 2026.\n' +
	'نسبة المشاركة 45٪، أي 1,250 مواطنًا!\n' +
	'Le budget participatif (BP) couvre 12 %.\n';

const account = async (email: string, role: 'learner' | 'trainer') =>
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

/** Opens a page and saves a screenshot (axe needs JavaScript: see `axeClean`). */
async function shown(context: BrowserContext, path: string, shot: string) {
	const page = await context.newPage();
	const res = await page.goto(`${url}${path}`);
	expect(res?.status(), path).toBe(200);
	await screenshot(page, shot);
	return page;
}

/** axe on each path, in a JavaScript-enabled context of that size and the trainer's session. */
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
	// The lesson page with its preview shown (a form post, as without JavaScript).
	await page.getByRole('button', { name: /^(معاينة|Aperçu)$/ }).click();
	await page.locator('.preview').waitFor();
	expect(await axeViolations(page)).toEqual([]);
	await context.close();
}

describeBrowser('the studio in a real browser', () => {
	beforeAll(async () => {
		({ h, url } = await listenTestApp());
		db = h.t.db;
		browser = await launchBrowser();
		return async () => {
			await browser.close();
			await h.close();
		};
	});

	it(
		'a trainer creates a course and writes a mixed Arabic/Latin lesson at 360 px without JavaScript; the owner publishes in French at 1280 px; a learner reads it',
		{ timeout: 300_000 },
		async () => {
			const trainer = await account('hela@example.tn', 'trainer');
			const learner = await account('amel@example.tn', 'learner');

			const ar = await contextAs(trainer, { width: 360, height: 740 }, false);
			const home = await shown(ar, '/ar/studio', 'studio-ar-360-home');
			await home.getByLabel('الاسم المختصر للدورة').fill(SLUG);
			await home.getByLabel('العنوان باللغة العربية').fill('الميزانية التشاركية');
			await home.getByLabel('العنوان باللغة Français').fill('Le budget participatif');
			await home.getByLabel('العنوان باللغة English').fill('Participatory budgeting');
			await home.getByRole('button', { name: 'إنشاء الدورة' }).click();
			await home.waitForURL(`${url}/ar/studio/${SLUG}`);
			await screenshot(home, 'studio-ar-360-course');

			const edit = await shown(
				ar,
				`/ar/studio/${SLUG}/introduction/welcome/ar`,
				'studio-ar-360-lesson'
			);
			const area = edit.getByLabel('نص الدرس (Markdown)');
			await area.fill('');
			await area.click();
			await edit.keyboard.type(TYPED);
			await edit.getByRole('button', { name: 'معاينة' }).click();
			await edit.waitForLoadState('load');
			await expect
				.poll(() => edit.locator('.preview').textContent())
				.toContain('تعتمد البلدية على Tamkeen 2.0 منذ 2026.');
			// The preview kept what was typed in the textarea, unsaved.
			expect(await edit.getByLabel('نص الدرس (Markdown)').inputValue()).toBe(TYPED);
			await screenshot(edit, 'studio-ar-360-preview');
			await edit.getByRole('button', { name: 'الحفظ في المسودة' }).click();
			await edit.getByText('تمّ الحفظ في المسودة.').waitFor();
			const courseId = db.select().from(course).where(eq(course.slug, SLUG)).get()!.id;
			expect(draftText(db, courseId, FILE)!.endsWith(`---\n${TYPED}`)).toBe(true);
			await ar.close();

			const fr = await contextAs(trainer, { width: 1280, height: 900 }, true);
			const lesson = await shown(
				fr,
				`/fr/studio/${SLUG}/introduction/welcome/ar`,
				'studio-fr-1280-lesson'
			);
			// With JavaScript the editor is CodeMirror (tests/e2e/studio-editor.test.ts).
			await lesson.locator('.cm-content').click();
			await lesson.keyboard.press('Control+Home');
			await lesson.getByRole('button', { name: 'Encadré d’état daté' }).click();
			// The block lands at the cursor without a page load, and autosave keeps it.
			expect(await lesson.locator('#body').inputValue()).toMatch(
				/^> \[!STATUS \d{4}-\d{2}\]\n> …\n## مقدمة/
			);
			expect(lesson.url()).toBe(`${url}/fr/studio/${SLUG}/introduction/welcome/ar`);
			await lesson.getByText(/^Enregistré à /).waitFor();

			const page = await shown(fr, `/fr/studio/${SLUG}`, 'studio-fr-1280-course');
			await page.getByLabel('Nouveau contenu').check();
			await page.getByRole('button', { name: 'Vérifier et publier' }).click();
			await page.getByText('La version 1.0.0 est publiée.').waitFor();
			await screenshot(page, 'studio-fr-1280-published');
			await shown(fr, '/fr/studio', 'studio-fr-1280-home');
			await fr.close();

			const reader = await contextAs(learner, { width: 360, height: 740 }, false);
			const read = await reader.newPage();
			expect((await read.goto(`${url}/ar/courses/${SLUG}/introduction/welcome`))?.status()).toBe(
				200
			);
			expect(await read.locator('article').textContent()).toContain(
				'نسبة المشاركة 45٪، أي 1,250 مواطنًا!'
			);
			await reader.close();

			const pages = (l: string) => [
				`/${l}/studio`,
				`/${l}/studio/${SLUG}`,
				`/${l}/studio/${SLUG}/introduction/welcome/ar`
			];
			await axeClean(trainer, { width: 360, height: 740 }, pages('ar'));
			await axeClean(trainer, { width: 1280, height: 900 }, pages('fr'));
		}
	);
});
