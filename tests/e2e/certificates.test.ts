import { beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import {
	axeViolations,
	describeBrowser,
	launchBrowser,
	screenshot,
	registerInBrowser
} from '../helpers/browser.ts';
import { startServer, waitForOutput, type RunningServer } from '../helpers/server.ts';
import { finishLessons, passAllQuizzes } from '../helpers/learning.ts';
import { createDb, type Db } from '../../src/lib/server/db/index.ts';
import { course, user } from '../../src/lib/server/db/schema/index.ts';
import { enrol } from '../../src/lib/server/learning/enrolment.ts';

let server: RunningServer;
let browser: Browser;
let db: Db;

describeBrowser('certificates in a real browser', () => {
	// Each resource is closed by the hook that opened it, and only if it opened.
	beforeAll(async () => {
		server = await startServer();
		await waitForOutput(server, /No administrator|Sign in at/);
		return () => server.stop();
	});
	beforeAll(() => {
		db = createDb(server.dbFile);
		return () => db.$client.close();
	});
	beforeAll(async () => {
		browser = await launchBrowser();
		return () => browser.close();
	});

	it(
		'completes a course in Arabic and verifies the certificate by its code',
		{ timeout: 120_000 },
		async () => {
			const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
			context.setDefaultTimeout(30_000);
			const page = await context.newPage();
			await registerInBrowser(page, server.url, {
				lang: 'ar',
				email: 'amal@example.tn',
				password: 'كلمة مرور طويلة',
				name: 'أمل Ben Ali'
			});

			// Everything but the last lesson, done through the domain on the server's own database.
			const userId = db.select().from(user).where(eq(user.email, 'amal@example.tn')).get()!.id;
			const courseId = db
				.select()
				.from(course)
				.where(eq(course.slug, 'participatory-governance'))
				.get()!.id;
			enrol(db, { userId, courseId });
			passAllQuizzes(db, { userId, courseId, locale: 'ar' });
			finishLessons(db, { userId, courseId, leave: 1 });

			await page.goto(
				`${server.url}/ar/courses/participatory-governance/transparency-and-accountability/tetouan-open-municipality`
			);
			await page.getByRole('button', { name: 'أنهيت هذا الدرس' }).click();
			await page.waitForURL(/\/ar\/courses\/participatory-governance(\?[^#]*)?(#.*)?$/);
			await page.goto(`${server.url}/ar/certificates`);
			const code = (await page.locator('main li .certificate-code').first().textContent())!.trim();
			expect(code).toMatch(/^TMK-/);
			await screenshot(page, 'ar-certificates-mobile');

			await page.goto(`${server.url}/ar/verify`);
			await page.getByLabel('رمز الشهادة').fill(code.toLowerCase());
			await page.getByRole('button', { name: 'تحقق', exact: true }).click();
			await page.waitForURL(`${server.url}/ar/verify/${code}`);
			await expect.poll(() => page.textContent('main')).toContain('شهادة صالحة');
			expect(await page.textContent('main')).toContain('أمل Ben Ali');
			await screenshot(page, 'ar-verify-mobile');
			expect(await axeViolations(page)).toEqual([]);
			await context.close();
		}
	);

	for (const locale of ['ar', 'fr']) {
		it(`has no accessibility violations on /${locale}/verify`, { timeout: 60_000 }, async () => {
			const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
			const page = await context.newPage();
			await page.goto(`${server.url}/${locale}/verify`);
			expect(await axeViolations(page)).toEqual([]);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				360
			);
			await context.close();
		});
	}
});
