import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, describeBrowser, launchBrowser, screenshot } from '../helpers/browser.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import { createUser } from '../../src/lib/server/accounts/users.ts';
import { seedReportFixture } from '../integration/reports/fixture.ts';

let h: TestApp;
let browser: Browser;
let base: string;
let session: { name: string; value: string };
let courseId: number;

describeBrowser('reports in the browser', () => {
	beforeAll(async () => {
		h = await buildTestApp({ kit: true });
		({ courseId } = seedReportFixture(h.t.db));
		const partner = await createUser(h.t.db, {
			email: 'partner@example.tn',
			name: 'Partner',
			password: 'a long passphrase',
			locale: 'fr',
			role: 'partner',
			position: null,
			governorateId: null,
			municipalityId: null,
			gender: null
		});
		session = {
			name: SESSION_COOKIE,
			value: createSession(h.t.db, { userId: partner.id }).token
		};
		base = await h.app.listen({ port: 0, host: '127.0.0.1' });
		browser = await launchBrowser();
	}, 60_000);
	afterAll(async () => {
		await browser.close();
		await h.close();
	});

	for (const [locale, width] of [
		['ar', 360],
		['fr', 1280]
	] as const) {
		it(`${locale} at ${String(width)} px: suppressed cells, chart, axe 0, and the print layout`, async () => {
			const context = await browser.newContext({ viewport: { width, height: 800 } });
			await context.addCookies([{ ...session, url: base }]);
			const page = await context.newPage();
			await page.goto(
				`${base}/${locale}/reports?course=${String(courseId)}&by=governorate&by2=sex`
			);
			expect(page.url()).toContain('/reports');
			expect(await page.locator('td', { hasText: '< 5' }).count()).toBeGreaterThan(0);
			expect(await page.locator('svg[role=img]').count()).toBe(1);
			expect(await axeViolations(page)).toEqual([]);
			await screenshot(page, `reports-${locale}-${String(width)}`);
			await page.emulateMedia({ media: 'print' });
			await screenshot(page, `reports-${locale}-print`);
			await context.close();
		}, 60_000);
	}
});
