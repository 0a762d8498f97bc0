// Password recovery as a person does it (issue 11 #10): "forgot password" from the sign-in page,
// the mail read from a real SMTP server, the link followed in Chromium, a new password chosen;
// the session opened before the reset is ended, and the link does not work twice.
import { beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
	axeViolations,
	describeBrowser,
	launchBrowser,
	registerInBrowser,
	screenshot
} from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { startSmtp, type TestSmtp } from '../helpers/smtp.ts';

// The server builds links from ORIGIN; the test serves on a random port and swaps the origin,
// as a mail client would open the link on the same host.
const ORIGIN = 'https://tamkeen.example.tn';
let smtp: TestSmtp;
let server: RunningServer;
let browser: Browser;

describeBrowser('password recovery in a real browser', () => {
	beforeAll(async () => {
		smtp = await startSmtp();
		return () => smtp.close();
	});
	beforeAll(async () => {
		server = await startServer({ env: { SMTP_URL: smtp.url, ORIGIN } });
		return () => server.stop();
	});
	beforeAll(async () => {
		browser = await launchBrowser();
		return () => browser.close();
	});

	it(
		'mails an Arabic link that sets a new password once and ends the old session',
		{ timeout: 180_000 },
		async () => {
			const email = 'hind@example.tn';
			const before = await browser.newContext({ locale: 'ar-TN' });
			before.setDefaultTimeout(30_000);
			const old = await before.newPage();
			await registerInBrowser(old, server.url, {
				lang: 'ar',
				email,
				password: 'كلمة مرور قديمة طويلة',
				name: 'هند الصغير'
			});

			const phone = await browser.newContext({
				locale: 'ar-TN',
				viewport: { width: 360, height: 740 },
				isMobile: true
			});
			phone.setDefaultTimeout(30_000);
			const page = await phone.newPage();
			await page.goto(`${server.url}/ar/signin`);
			await page.getByRole('link', { name: 'نسيتم كلمة المرور؟' }).click();
			await page.waitForURL(/\/ar\/forgot-password$/);
			expect(await axeViolations(page)).toEqual([]);
			await page.getByLabel('البريد الإلكتروني').fill(email);
			await page.getByRole('button', { name: 'إرسال الرابط' }).click();
			await expect.poll(() => page.textContent('main')).toContain('رابطًا لاختيار كلمة مرور جديدة');
			await screenshot(page, 'recovery-ar-360-sent');

			const mail = await smtp.waitFor(email);
			const link = /https:\/\/tamkeen\.example\.tn(\/ar\/set-password\/\w+)/.exec(mail.text)?.[1];
			expect(link).toBeTruthy();
			await page.goto(`${server.url}${link!}`);
			expect(await axeViolations(page)).toEqual([]);
			await screenshot(page, 'recovery-ar-360-choose');
			await page.getByLabel('كلمة المرور الجديدة').fill('كلمة مرور جديدة طويلة');
			await page.getByRole('button', { name: 'حفظ كلمة المرور' }).click();
			await page.waitForURL((url) => !url.pathname.includes('/set-password/'));
			// Signed in with the new password: the account page opens.
			await page.goto(`${server.url}/ar/account`);
			expect(new URL(page.url()).pathname).toBe('/ar/account');

			// The session opened before the reset is over.
			await old.goto(`${server.url}/ar/account`);
			expect(new URL(old.url()).pathname).toBe('/ar/signin');

			// The link works once.
			await page.goto(`${server.url}${link!}`);
			expect(await page.locator('input[name="password"]').count()).toBe(0);
			await expect.poll(() => page.textContent('main')).toContain('طلب رابط جديد');
			await screenshot(page, 'recovery-ar-360-used');

			// And the new password signs in from a fresh browser.
			const fresh = await browser.newContext({ locale: 'ar-TN' });
			const again = await fresh.newPage();
			await again.goto(`${server.url}/ar/signin`);
			await again.getByLabel('البريد الإلكتروني').fill(email);
			await again.getByLabel('كلمة المرور').fill('كلمة مرور جديدة طويلة');
			await again.getByRole('button', { name: 'دخول' }).click();
			await again.waitForURL((url) => !url.pathname.endsWith('/signin'));
			await Promise.all([before.close(), phone.close(), fresh.close()]);
		}
	);
});
