import { beforeAll, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { axeViolations, describeBrowser, launchBrowser, screenshot } from '../helpers/browser.ts';
import { listenTestApp, type TestApp } from '../helpers/app.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { createUser } from '../../src/lib/server/accounts/users.ts';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import { createStudioCourse } from '../../src/lib/server/studio/create-course.ts';

let h: TestApp;
let url: string;
let browser: Browser;
let db: Db;
const SLUG = 'harbour-images';
const ALT = 'ميناء صفاقس عند الفجر';

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

async function contextAs(userId: string, viewport: { width: number; height: number }, js: boolean) {
	const context = await browser.newContext({ viewport, javaScriptEnabled: js });
	context.setDefaultTimeout(30_000);
	const { token } = createSession(db, { userId });
	await context.addCookies([{ name: SESSION_COOKIE, value: token, url }]);
	return context;
}

describeBrowser('course images in a real browser', () => {
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
		'the owner uploads an image with its alt text at 360 px in Arabic without JavaScript, inserts it, publishes in French at 1280 px; a learner sees it with its alt',
		{ timeout: 300_000 },
		async () => {
			const owner = await account('hela@example.tn', 'trainer');
			const learner = await account('amel@example.tn', 'learner');
			createStudioCourse(db, {
				actorId: owner,
				slug: SLUG,
				source: 'ar',
				titles: { ar: 'صور الميناء', fr: 'Images du port', en: 'Harbour images' }
			});
			const png = await sharp({
				create: { width: 1400, height: 800, channels: 3, background: '#2a6f97' }
			})
				.png()
				.toBuffer();

			const ar = await contextAs(owner, { width: 360, height: 740 }, false);
			const page = await ar.newPage();
			expect((await page.goto(`${url}/ar/studio/${SLUG}/media`))?.status()).toBe(200);
			await screenshot(page, 'studio-media-ar-360-empty');
			await page.getByLabel('ملف الصورة').setInputFiles({
				name: 'harbour.png',
				mimeType: 'image/png',
				buffer: png
			});
			await page.getByLabel('وصف الصورة باللغة العربية (النص البديل)').first().fill(ALT);
			await page.getByRole('button', { name: 'تحميل الصورة' }).click();
			await page.waitForLoadState('load');
			await expect
				.poll(() => page.locator('[role=status], .notice').first().textContent())
				.toContain('أُضيفت الصورة');
			await screenshot(page, 'studio-media-ar-360-uploaded');
			await page.getByRole('button', { name: 'الإدراج في نهاية الدرس' }).click();
			await page.waitForLoadState('load');
			await expect
				.poll(() => page.locator('[role=status]').first().textContent())
				.toContain('أُضيفت الصورة في نهاية الدرس');
			await screenshot(page, 'studio-media-ar-360-inserted');

			const fr = await contextAs(owner, { width: 1280, height: 900 }, true);
			const pub = await fr.newPage();
			await pub.goto(`${url}/fr/studio/${SLUG}/media`);
			expect(await axeViolations(pub)).toEqual([]);
			await screenshot(pub, 'studio-media-fr-1280');
			await pub.goto(`${url}/fr/studio/${SLUG}`);
			await pub.getByRole('button', { name: 'Vérifier et publier' }).click();
			await expect
				.poll(() => pub.locator('[role=status]').first().textContent())
				.toContain('1.0.0');
			const arJs = await contextAs(owner, { width: 360, height: 740 }, true);
			const check = await arJs.newPage();
			await check.goto(`${url}/ar/studio/${SLUG}/media`);
			expect(await axeViolations(check)).toEqual([]);
			expect(await check.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				360
			);

			const reader = await contextAs(learner, { width: 360, height: 740 }, false);
			const lesson = await reader.newPage();
			await lesson.goto(`${url}/ar/courses/${SLUG}/introduction/welcome`);
			const img = lesson.locator('article img, main img').first();
			expect(await img.getAttribute('alt')).toBe(ALT);
			expect(await img.getAttribute('srcset')).toMatch(/360w/);
			expect(await img.getAttribute('loading')).toBe('lazy');
			await img.scrollIntoViewIfNeeded();
			await expect
				.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth))
				.toBeGreaterThan(0);
			await screenshot(lesson, 'studio-media-ar-360-reader');
		}
	);
});
