import { beforeAll, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, describeBrowser, launchBrowser, screenshot } from '../helpers/browser.ts';
import { listenTestApp, type TestApp } from '../helpers/app.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { createUser } from '../../src/lib/server/accounts/users.ts';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import { draftText } from '../../src/lib/server/studio/draft-files.ts';
import { courseIdOf } from '../integration/access/staff.ts';
import { addQuizWithThreeTypes, QUIZ_IDS, QUIZ_TEXTS } from './steps/studio-quiz.ts';

// Issue 12's done-when journey: a trainer creates a course in Arabic at 360 px and writes a
// lesson with mixed Latin text and a STATUS box; a translator given French adds the French
// version side by side at 1280 px; the owner publishes; a learner reads the lesson; an edit to
// the Arabic source then shows the French as outdated. Every studio page visited passes axe.

let h: TestApp;
let url: string;
let browser: Browser;
let db: Db;

const SLUG = 'budget-2026';
const AR_FILE = '01-introduction/01-welcome.ar.md';
const FR_FILE = '01-introduction/01-welcome.fr.md';
const AR_BODY = '## ميزانية 2026 و PAI\n\nتعدّ البلدية ميزانية 2026 و PAI مع المواطنين.\n';
const STATUS_AR = 'المخطط السنوي للاستثمار قيد المصادقة.';
const IMAGE_ALT = 'أعضاء المجلس البلدي في جلسة علنية';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

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

async function pageAs(
	userId: string,
	viewport: { width: number; height: number },
	javaScriptEnabled = true
) {
	const context = await browser.newContext({ viewport, javaScriptEnabled });
	context.setDefaultTimeout(30_000);
	const { token } = createSession(db, { userId });
	await context.addCookies([{ name: SESSION_COOKIE, value: token, url }]);
	return context.newPage();
}

/** axe finds nothing and nothing scrolls sideways on the page as it is now. */
async function clean(page: Page, what: string) {
	expect(await axeViolations(page), what).toEqual([]);
	const width = page.viewportSize()?.width ?? 0;
	expect(await page.evaluate(() => document.documentElement.scrollWidth), what).toBeLessThanOrEqual(
		width
	);
}

/** Opens `path` in a JavaScript page (axe runs as a script) and checks it as `clean` does. */
async function audit(page: Page, path: string) {
	expect((await page.goto(`${url}${path}`))?.status(), path).toBe(200);
	await clean(page, path);
}

describeBrowser('the studio journey of issue 12', () => {
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
		'creates, writes, translates side by side, publishes, is read, and shows the French as outdated after a source edit',
		{ timeout: 600_000 },
		async () => {
			const owner = await account('hela@example.tn', 'trainer');
			const translator = await account('sami@example.tn', 'trainer');
			const learner = await account('amel@example.tn', 'learner');

			// The trainer creates the course in Arabic at 360 px, without JavaScript (plain forms);
			// each page they see is checked by axe in a JavaScript page of the same size and session.
			const ar = await pageAs(owner, PHONE, false);
			const arAxe = await pageAs(owner, PHONE);
			await ar.goto(`${url}/ar/studio`);
			await audit(arAxe, '/ar/studio');
			await ar.getByLabel('الاسم المختصر للدورة').fill(SLUG);
			await ar.getByLabel('العنوان باللغة العربية').fill('ميزانية البلدية');
			await ar.getByLabel('العنوان باللغة Français').fill('Le budget communal');
			await ar.getByLabel('العنوان باللغة English').fill('The municipal budget');
			await ar.getByRole('button', { name: 'إنشاء الدورة' }).click();
			await ar.waitForURL(`${url}/ar/studio/${SLUG}`);
			await audit(arAxe, `/ar/studio/${SLUG}`);

			// … writes the lesson, mixed Arabic and Latin, and adds a STATUS box from the toolbar.
			await ar.getByRole('link', { name: /^تعديل النسخة العربية من/ }).click();
			await ar.waitForURL(`${url}/ar/studio/${SLUG}/introduction/welcome/ar`);
			await audit(arAxe, `/ar/studio/${SLUG}/introduction/welcome/ar`);
			const body = ar.getByLabel('نص الدرس (Markdown)');
			await body.fill(AR_BODY);
			// Without JavaScript the toolbar's block is appended by the server, the text kept.
			await ar.getByRole('button', { name: 'إطار وضعية مؤرَّخ' }).click();
			await ar.waitForLoadState('load');
			const withBox = await body.inputValue();
			expect(withBox).toMatch(
				/^## ميزانية 2026 و PAI\n[\s\S]*\n\n> \[!STATUS \d{4}-\d{2}\]\n> …\n$/
			);
			await body.fill(withBox.replace('> …', `> ${STATUS_AR}`));
			await ar.getByRole('button', { name: 'الحفظ في المسودة' }).click();
			await ar.getByText('تمّ الحفظ في المسودة.').waitFor();
			const courseId = courseIdOf(db, SLUG);
			const saved = draftText(db, courseId, AR_FILE)!;
			expect(saved).toContain('ميزانية 2026 و PAI');
			expect(saved).toMatch(new RegExp(`> \\[!STATUS \\d{4}-\\d{2}\\]\\n> ${STATUS_AR}`));

			// … adds one image with its Arabic alt text at the end of the lesson …
			const png = await sharp({
				create: { width: 1200, height: 700, channels: 3, background: '#2a6f97' }
			})
				.png()
				.toBuffer();
			await ar.goto(`${url}/ar/studio/${SLUG}/media`);
			await audit(arAxe, `/ar/studio/${SLUG}/media`);
			await ar
				.getByLabel('ملف الصورة')
				.setInputFiles({ name: 'council.png', mimeType: 'image/png', buffer: png });
			await ar.getByLabel('وصف الصورة باللغة العربية (النص البديل)').first().fill(IMAGE_ALT);
			await ar.getByRole('button', { name: 'تحميل الصورة' }).click();
			await ar.waitForLoadState('load');
			await ar.getByRole('button', { name: 'الإدراج في نهاية الدرس' }).first().click();
			await ar.waitForLoadState('load');
			expect(draftText(db, courseId, AR_FILE)).toContain(`![${IMAGE_ALT}](../media/`);

			// … and gives a colleague the translator role for French.
			await ar.goto(`${url}/ar/studio/${SLUG}`);
			await ar.getByLabel('البريد الإلكتروني لحساب مكوّن').fill('sami@example.tn');
			await ar.getByLabel('الدور').selectOption({ label: 'مترجم' });
			await ar.getByLabel('Français', { exact: true }).check();
			await ar.getByRole('button', { name: 'إسناد الدور' }).click();
			await ar.getByText('تمّ إسناد الدور.').waitFor();

			// The translator, in French at 1280 px, finds the lesson in their list.
			const fr = await pageAs(translator, DESKTOP);
			await fr.goto(`${url}/fr/studio`);
			await clean(fr, 'studio home (fr)');
			await fr.getByRole('link', { name: 'Le budget communal' }).click();
			await clean(fr, 'course (fr)');
			await fr.getByRole('link', { name: 'Traduire côte à côte' }).click();
			await fr.waitForURL(`${url}/fr/studio/${SLUG}/translate`);
			const french = fr.getByRole('region', { name: /^Français/ });
			await french.getByText('manquante').waitFor();
			await clean(fr, 'translator list (fr)');
			await french.getByRole('link', { name: 'الدرس الأول' }).click();
			await fr.waitForURL(`${url}/fr/studio/${SLUG}/translate/introduction/welcome/fr`);
			await clean(fr, 'side by side (fr)');
			// The Arabic source reads right to left, the French fields left to right.
			expect(await fr.locator('.source .block[lang="ar"]').first().getAttribute('dir')).toBe('rtl');
			expect(await fr.getByLabel('Français, paragraphe 1').getAttribute('dir')).toBe('ltr');
			await fr.getByLabel('Titre de la leçon (Français)').fill('Première leçon');
			await fr.getByLabel('Français, paragraphe 1').fill('## Budget 2026 et PAI');
			await fr
				.getByLabel('Français, paragraphe 2')
				.fill('La commune prépare le budget 2026 et le PAI avec les citoyens.');
			await fr
				.getByLabel('Français, paragraphe 3')
				.fill('> [!STATUS 2026-12]\n> Le plan annuel d’investissement est en cours d’adoption.');
			await screenshot(fr, 'studio-journey-fr-1280-translate');
			await fr.getByRole('button', { name: 'Enregistrer dans le brouillon' }).click();
			await fr.getByText('Enregistré dans le brouillon.').waitFor();
			expect(draftText(db, courseId, FR_FILE)).toContain(
				'## Budget 2026 et PAI\n\nLa commune prépare le budget 2026 et le PAI avec les citoyens.\n\n> [!STATUS 2026-12]\n'
			);
			await fr.getByText('Traduction\u202f: à jour').waitFor();
			await clean(fr, 'side by side after saving (fr)');
			await fr.getByRole('link', { name: 'Traductions' }).click();
			await fr.getByText('Toutes les leçons sont à jour dans cette langue.').first().waitFor();

			// The side-by-side page in Arabic at 360 px: stacked, nothing wider than the phone.
			await audit(arAxe, `/ar/studio/${SLUG}/translate`);
			await audit(arAxe, `/ar/studio/${SLUG}/translate/introduction/welcome/fr`);
			await screenshot(arAxe, 'studio-journey-ar-360-translate');

			// The owner adds the module's quiz: three question types, through plain forms.
			await addQuizWithThreeTypes(ar, {
				base: url,
				slug: SLUG,
				quiz: 'introduction',
				ui: 'ar',
				source: 'ar'
			});
			await audit(arAxe, `/ar/studio/${SLUG}/quiz/introduction`);
			await screenshot(arAxe, 'studio-journey-ar-360-quiz');

			// The owner looks at the changes, then publishes.
			await ar.goto(`${url}/ar/studio/${SLUG}`);
			await ar.getByRole('link', { name: 'عرض التغييرات قبل النشر' }).click();
			await ar.waitForURL(`${url}/ar/studio/${SLUG}/changes`);
			await ar.getByText('هذه الدورة لم تُنشر بعد', { exact: false }).waitFor();
			await audit(arAxe, `/ar/studio/${SLUG}/changes`);
			await ar.getByRole('link', { name: 'إلى النشر' }).click();
			await ar.getByLabel('تصويب').check();
			await ar.getByRole('button', { name: 'التحقّق والنشر' }).click();
			await ar.getByText('تمّ نشر النسخة 1.0.0.').waitFor();
			// The course as files (download and upload): the one studio page not visited above.
			await audit(arAxe, `/ar/studio/${SLUG}/files`);
			await screenshot(arAxe, 'studio-journey-ar-360-files');

			// A learner reads the lesson, the STATUS box included.
			const reader = await pageAs(learner, PHONE, false);
			expect((await reader.goto(`${url}/ar/courses/${SLUG}/introduction/welcome`))?.status()).toBe(
				200
			);
			const article = reader.locator('article');
			expect(await article.textContent()).toContain('تعدّ البلدية ميزانية 2026 و PAI مع المواطنين.');
			expect(await article.locator('.callout-status').textContent()).toContain(STATUS_AR);
			expect((await reader.goto(`${url}/fr/courses/${SLUG}/introduction/welcome`))?.status()).toBe(
				200
			);
			expect(await reader.locator('article').textContent()).toContain(
				'La commune prépare le budget 2026 et le PAI avec les citoyens.'
			);

			// The image is served as its reader's copies, with the alt text written in the studio.
			await reader.goto(`${url}/ar/courses/${SLUG}/introduction/welcome`);
			expect(await reader.locator(`article img[alt="${IMAGE_ALT}"]`).getAttribute('src')).toMatch(
				/^\/media\/[0-9a-f]{64}\.webp$/
			);

			// The learner enrols and takes the quiz the owner wrote.
			const taker = await pageAs(learner, PHONE);
			await taker.goto(`${url}/ar/courses/${SLUG}`);
			await taker.getByRole('button', { name: 'التسجيل في الدورة' }).click();
			await taker.waitForLoadState('load');
			const skip = taker.getByRole('button', { name: 'تجاوز الاختبار القبلي' });
			if (await skip.count()) await skip.click();
			await taker.goto(`${url}/ar/courses/${SLUG}/quiz/introduction`);
			await taker.getByRole('button', { name: 'ابدأ الاختبار' }).click();
			await taker.waitForURL(/\/attempt\/\d+$/);
			const q = QUIZ_TEXTS.ar;
			await taker.getByLabel(q.single.options[0], { exact: true }).check();
			await taker.getByLabel(q.multiple.options[0], { exact: true }).check();
			await taker.getByLabel(q.multiple.options[1], { exact: true }).check();
			await taker.locator(`input[name="q:${QUIZ_IDS[2]}"]`).fill(q.short.display);
			await taker.getByRole('button', { name: 'سلّم الاختبار' }).click();
			await taker.waitForURL(/\/review$/);
			const review = await taker.textContent('main');
			expect(review).toContain('نتيجتك');
			expect(review).toContain('100');

			// An edit to the Arabic source: the French is now outdated, and the changes say so.
			await ar.goto(`${url}/ar/studio/${SLUG}/introduction/welcome/ar`);
			const source = ar.getByLabel('نص الدرس (Markdown)');
			await source.fill(`${await source.inputValue()}\nفقرة جديدة عن PAI 2027.\n`);
			await ar.getByRole('button', { name: 'الحفظ في المسودة' }).click();
			await ar.getByText('تمّ الحفظ في المسودة.').waitFor();
			await fr.goto(`${url}/fr/studio/${SLUG}/translate`);
			const outdated = fr.getByRole('region', { name: /^Français/ });
			await outdated.getByText('à mettre à jour').waitFor();
			await clean(fr, 'translator list with an outdated lesson (fr)');
			await screenshot(fr, 'studio-journey-fr-1280-translate-list');
			await outdated.getByRole('link', { name: 'Première leçon' }).click();
			await fr.getByText('Traduction\u202f: à mettre à jour').waitFor();
			await audit(arAxe, `/ar/studio/${SLUG}/changes`);
			await arAxe.getByText(AR_FILE).waitFor();
			await screenshot(arAxe, 'studio-journey-ar-360-changes');
		}
	);
});
