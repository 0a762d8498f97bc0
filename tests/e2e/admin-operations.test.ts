// The audit log, the system page and the account's data and deletion pages, as an admin sees
// them in Arabic at 360 px and in French on a desktop: axe finds nothing, screenshots to look at.
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
import { createDb, type Db } from '../../src/lib/server/db/index.ts';
import { user } from '../../src/lib/server/db/schema/index.ts';

let server: RunningServer;
let browser: Browser;
let db: Db;

describeBrowser('admin operations pages in a real browser', () => {
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

	it.each([
		['ar', 360],
		['fr', 1280]
	] as const)(
		'audit, system, account pages in %s at %i px: no axe violation',
		{ timeout: 180_000 },
		async (lang, width) => {
			const context = await browser.newContext({ viewport: { width, height: 800 } });
			context.setDefaultTimeout(30_000);
			const page = await context.newPage();
			const email = `admin-${lang}@example.tn`;
			await registerInBrowser(page, server.url, {
				lang,
				email,
				password: 'a long admin password',
				name: lang === 'ar' ? 'أمل Ben Ali' : 'Amal Ben Ali'
			});
			db.update(user).set({ role: 'admin' }).where(eq(user.email, email)).run();
			for (const path of ['admin/audit', 'admin/system', 'account', 'account/delete']) {
				const r = await page.goto(`${server.url}/${lang}/${path}`);
				expect(r?.status(), path).toBe(200);
				expect(await axeViolations(page), `${lang} ${path}`).toEqual([]);
				await screenshot(page, `ops-${path.replace('/', '-')}-${lang}-${width}`);
			}
			await page.goto(`${server.url}/${lang}/admin/audit?action=user.create`);
			expect(await page.locator('ol li').count()).toBeGreaterThan(0);
			await context.close();
		}
	);
});
