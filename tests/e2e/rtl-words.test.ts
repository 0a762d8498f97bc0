import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

/**
 * Where each signed number's first and last characters land on screen. In a left-to-right
 * isolate the sign is drawn left of the digits, in Arabic pages too; without the isolate an
 * RTL paragraph would draw "+6,7" as "6,7+".
 */
function signedLayout(page: Page) {
	return page.$$eval('bdi.signed', (els) =>
		els.map((el) => {
			const node = el.firstChild as Text;
			const text = node.data;
			const start = text.search(/[+\-−\d]/);
			const box = (i: number) => {
				const r = document.createRange();
				r.setStart(node, i);
				r.setEnd(node, i + 1);
				return r.getBoundingClientRect().left;
			};
			return {
				text,
				dir: getComputedStyle(el).direction,
				signLeftOfLastDigit: text.length - start < 2 || box(start) < box(text.length - 1)
			};
		})
	);
}

describeBrowser('numbers and words as an Arabic reader sees them (issue 11 #12, #14, #19)', () => {
	beforeAll(async () => {
		h = await buildTestApp({ kit: true });
		({ courseId } = seedReportFixture(h.t.db));
		const admin = await createUser(h.t.db, {
			email: 'admin@example.tn',
			name: 'Admin',
			password: 'a long passphrase',
			locale: 'ar',
			role: 'admin',
			position: null,
			governorateId: null,
			municipalityId: null,
			gender: null
		});
		session = { name: SESSION_COOKIE, value: createSession(h.t.db, { userId: admin.id }).token };
		base = await h.app.listen({ port: 0, host: '127.0.0.1' });
		browser = await launchBrowser();
	}, 60_000);
	afterAll(async () => {
		await browser.close();
		await h.close();
	});

	it('draws signed gains sign first in the Arabic report at 360 px', async () => {
		const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
		await context.addCookies([{ ...session, url: base }]);
		const page = await context.newPage();
		await page.goto(`${base}/ar/reports?course=${String(courseId)}&by=governorate`);
		const signed = await signedLayout(page);
		expect(signed.length).toBeGreaterThan(0);
		expect(signed.some((s) => /^\u200e?[+\-−]\d/.test(s.text))).toBe(true);
		for (const s of signed) {
			expect(s.dir, s.text).toBe('ltr');
			expect(s.signLeftOfLastDigit, s.text).toBe(true);
		}
		await screenshot(page, 'rtl-words-reports-ar-360');
		// The gain columns sit at the far (left) end of the scrolled table: look at them there.
		const table = page.locator('.table-wrap');
		await table.evaluate((el) => {
			el.scrollLeft = -el.scrollWidth;
		});
		await table.screenshot({ path: 'tests/artifacts/rtl-words-reports-ar-360-gains.png' });
		await context.close();
	});

	for (const [locale, width] of [
		['ar', 360],
		['fr', 1280]
	] as const) {
		it(`${locale} at ${String(width)} px: registration groups municipalities by governorate, with "not in the list"`, async () => {
			const context = await browser.newContext({ viewport: { width, height: 800 } });
			const page = await context.newPage();
			await page.goto(`${base}/${locale}/register`);
			expect(await page.locator('#municipality optgroup').count()).toBe(24);
			expect(await page.locator('#municipality option[value=other]').count()).toBe(1);
			expect(await page.locator('#municipalityOther').count()).toBe(1);
			expect(await axeViolations(page)).toEqual([]);
			await screenshot(page, `rtl-words-register-${locale}-${String(width)}`);
			await context.close();
		});

		it(`${locale} at ${String(width)} px: the admin municipalities page passes axe`, async () => {
			const context = await browser.newContext({ viewport: { width, height: 800 } });
			await context.addCookies([{ ...session, url: base }]);
			const page = await context.newPage();
			await page.goto(`${base}/${locale}/admin/municipalities`);
			expect(await page.locator('h3').count()).toBe(24);
			expect(await axeViolations(page)).toEqual([]);
			await screenshot(page, `rtl-words-municipalities-${locale}-${String(width)}`);
			await context.close();
		});
	}
});
