// Issue 11 #18: every link and button a phone user may tap is at least 24 × 24 CSS px
// (WCAG 2.2 SC 2.5.8), measured in Chromium at 360 px in Arabic on the main pages.
import { beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, launchBrowser, registerInBrowser } from '../helpers/browser.ts';
import { startServer, waitForOutput, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
let browser: Browser;
const PG = '/ar/courses/participatory-governance';
const PAGES = ['/ar', '/ar/courses', PG, `${PG}/foundations/tunisia-framework`, '/ar/verify'];

/** Visible links and buttons smaller than 24 × 24 px; links inside running text are exempt (2.5.8 "inline"). */
function smallTargets(page: Page) {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('a[href], button, input[type="submit"], summary')]
			.filter((el) => el.closest('.prose p, .prose li, .prose td') === null)
			.map((el) => ({ el, r: el.getBoundingClientRect() }))
			.filter(({ r }) => r.width > 0 && r.height > 0 && (r.width < 24 || r.height < 24))
			.map(
				({ el, r }) =>
					`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`
			)
	);
}

describeBrowser('tap targets on a phone', () => {
	beforeAll(async () => {
		server = await startServer();
		await waitForOutput(server, /search index rebuilt|No administrator|Sign in at/);
		return () => server.stop();
	});
	beforeAll(async () => {
		browser = await launchBrowser();
		return () => browser.close();
	});

	it('are at least 24 × 24 px for every link and button in Arabic at 360 px', async () => {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		const page = await context.newPage();
		const small: string[] = [];
		for (const path of ['/ar/signin', ...PAGES])
			await page.goto(server.url + path).then(async () => {
				for (const s of await smallTargets(page)) small.push(`${path}: ${s}`);
			});
		await registerInBrowser(page, server.url, {
			lang: 'ar',
			email: 'taps@example.tn',
			password: 'كلمة مرور طويلة',
			name: 'سلمى'
		});
		await page.goto(`${server.url}${PG}`);
		await page.locator('form[action="?/enrol"] button').click();
		for (const path of PAGES) {
			await page.goto(server.url + path);
			for (const s of await smallTargets(page)) small.push(`${path} (signed in): ${s}`);
		}
		await context.close();
		expect(small).toEqual([]);
	}, 120_000);

	it('has breadcrumbs whose separator points the reading direction', async () => {
		const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
		await registerInBrowser(page, server.url, {
			lang: 'ar',
			email: 'crumbs@example.tn',
			password: 'كلمة مرور طويلة',
			name: 'نادية'
		});
		for (const [lang, arrow] of [
			['ar', '‹'],
			['fr', '›']
		] as const) {
			await page.goto(
				`${server.url}/${lang}/courses/participatory-governance/foundations/decentralisation-basics`
			);
			const crumbs = await page.locator('nav.crumbs').innerText();
			expect(crumbs).toContain(arrow);
		}
		await page.close();
	}, 90_000);
});
