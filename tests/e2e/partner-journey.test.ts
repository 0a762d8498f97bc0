// Issue 14, "done when": an admin makes an account a partner through the admin page; the partner
// filters the report by governorate and breaks it down by sex, sees "< 5", prints it, downloads
// the CSV and XLSX (read back: suppression intact), creates an API token that pulls the same
// figures, revokes it and is refused. In Arabic at 360 px and in French at 1280 px; axe 0.
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { axeViolations, describeBrowser, launchBrowser, screenshot } from '../helpers/browser.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import { createUser } from '../../src/lib/server/accounts/users.ts';
import { seedReportFixture } from '../integration/reports/fixture.ts';

let h: TestApp;
let browser: Browser;
let base: string;
let adminToken: string;

const TEXT = {
	ar: {
		setRole: 'تغيير الدور',
		nav: 'التقارير',
		apply: 'عرض',
		create: 'إنشاء الرمز',
		revoke: 'إلغاء'
	},
	fr: {
		setRole: 'Changer le rôle',
		nav: 'Rapports',
		apply: 'Afficher',
		create: 'Créer le jeton',
		revoke: 'Révoquer'
	}
} as const;

const person = (email: string, role: 'admin' | 'learner', locale: 'ar' | 'fr') =>
	createUser(h.t.db, {
		email,
		name: email.split('@')[0]!,
		password: 'a long passphrase',
		locale,
		role,
		position: null,
		governorateId: null,
		municipalityId: null,
		gender: null
	});

/** The first data row whose first cell is `label`, as the table shows it. */
async function tableRow(page: Page, label: string) {
	const row = page.locator('table.report tbody tr', {
		has: page.locator('th', { hasText: new RegExp(`^${label}$`) })
	});
	return row.first().locator('td').allInnerTexts();
}

async function download(page: Page, link: RegExp) {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: link }).click()
	]);
	const path = await file.path();
	return fs.readFileSync(path);
}

describeBrowser('partner journey: admin grant, filtered report, print, exports, API token', () => {
	beforeAll(async () => {
		h = await buildTestApp({ kit: true });
		seedReportFixture(h.t.db);
		const admin = await person('admin@example.tn', 'admin', 'fr');
		adminToken = createSession(h.t.db, { userId: admin.id }).token;
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
		it(`${locale} at ${String(width)} px`, { timeout: 240_000 }, async () => {
			const t = TEXT[locale];
			const officer = await person(`officer-${locale}@example.tn`, 'learner', locale);

			// The admin grants the partner role on the admin page.
			const adminCtx = await browser.newContext({ viewport: { width, height: 800 } });
			adminCtx.setDefaultTimeout(30_000);
			await adminCtx.addCookies([{ name: SESSION_COOKIE, value: adminToken, url: base }]);
			const adminPage = await adminCtx.newPage();
			await adminPage.goto(`${base}/${locale}/admin?q=officer-${locale}`);
			await adminPage.selectOption(`#role-${officer.id}`, 'partner');
			await adminPage
				.locator('form.role-form', { has: adminPage.locator(`#role-${officer.id}`) })
				.getByRole('button', { name: t.setRole })
				.click();
			await adminPage.locator('.notice.ok').waitFor();
			await adminCtx.close();

			// The partner reaches the reports from the menu and filters them.
			const context = await browser.newContext({
				viewport: { width, height: 800 },
				acceptDownloads: true
			});
			context.setDefaultTimeout(30_000);
			const session = createSession(h.t.db, { userId: officer.id }).token;
			await context.addCookies([{ name: SESSION_COOKIE, value: session, url: base }]);
			const page = await context.newPage();
			await page.goto(`${base}/${locale}/`);
			await page.getByRole('navigation').getByRole('link', { name: t.nav }).click();
			await page.waitForURL(/\/reports/);
			await page.selectOption('select[name=governorate]', 'TN-11');
			await page.selectOption('select[name=by]', 'sex');
			await page.getByRole('button', { name: t.apply }).click();
			await page.waitForURL(/governorate=TN-11/);
			// Tunis, both fixture courses: 4 enrolments of women, 2 of men, 1 not stated; every
			// cell is hidden, the total is shown.
			const women = await tableRow(page, locale === 'ar' ? 'امرأة' : 'Femme');
			expect(women.slice(0, 4)).toEqual(['< 5', '< 5', '< 5', '< 5']);
			const total = await tableRow(page, locale === 'ar' ? 'المجموع' : 'Total');
			expect(total[0]).toMatch(/^[0-9٠-٩]+$/);
			// Regression (last session): report headers broke mid-word at 360 px. Every word of
			// every header stays on one line (a compound may break after its hyphen, "pré-|test");
			// the table scrolls sideways instead.
			const splitWords = await page.evaluate(() =>
				[...document.querySelectorAll('table.report thead th')].flatMap((th) => {
					const text = th.firstChild;
					if (!(text instanceof Text)) return [];
					const words: string[] = [];
					for (const match of text.data.matchAll(/[^\s-]+-?/g)) {
						const range = document.createRange();
						range.setStart(text, match.index);
						range.setEnd(text, match.index + match[0].length);
						const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
						if (lines.size > 1) words.push(match[0]);
					}
					return words;
				})
			);
			expect(splitWords).toEqual([]);
			// The printout names the filters, since the form does not print.
			expect(await page.locator('.applied').innerText()).toContain(
				locale === 'ar' ? 'تونس' : 'Tunis'
			);
			expect(await axeViolations(page)).toEqual([]);
			await screenshot(page, `partner-report-${locale}-${String(width)}`);
			await page.emulateMedia({ media: 'print' });
			await screenshot(page, `partner-report-${locale}-print`);
			await page.emulateMedia({ media: 'screen' });

			// Both downloads keep the suppression.
			const csv = (await download(page, /CSV/)).toString('utf8');
			// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- parse<T> demands `columns`
			const rows = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
			const csvWomen = rows.find((r) => r[0] === (locale === 'ar' ? 'امرأة' : 'Femme'));
			expect(csvWomen?.slice(1, 5)).toEqual(['< 5', '< 5', '< 5', '< 5']);
			expect(csvWomen).not.toContain('3');
			const book = new ExcelJS.Workbook();
			await book.xlsx.load((await download(page, /XLSX/)) as unknown as ArrayBuffer);
			const values: unknown[][] = [];
			book.worksheets[0]?.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
			const xlsxWomen = values.find((r) => r[0] === (locale === 'ar' ? 'امرأة' : 'Femme'));
			expect(xlsxWomen?.slice(1, 5)).toEqual(['< 5', '< 5', '< 5', '< 5']);
			expect(xlsxWomen).not.toContain(3);

			// A token made on the account page pulls the same figures, until it is revoked.
			await page.goto(`${base}/${locale}/account/tokens`);
			expect(await axeViolations(page)).toEqual([]);
			await page.fill('#token-name', locale === 'ar' ? 'لوحة الوزارة' : 'Tableau du ministère');
			await page.getByRole('button', { name: t.create }).click();
			const token = (await page.getByTestId('new-token').innerText()).trim();
			expect(token).toMatch(/^tamkeen_/);
			expect(await axeViolations(page)).toEqual([]);
			await screenshot(page, `partner-tokens-${locale}-${String(width)}`);
			const query = 'governorate=TN-11&by=sex';
			const res = await fetch(`${base}/api/v1/reports?${query}`, {
				headers: { authorization: `Bearer ${token}` }
			});
			expect(res.status).toBe(200);
			type Row = { keys: (string | null)[]; values: Record<string, unknown> };
			const body = (await res.json()) as { rows: Row[] };
			const apiRow = (key: string | null) => body.rows.find((r) => r.keys[0] === key)?.values;
			expect(apiRow('woman')?.enrolled).toBe('< 5');
			expect(String(apiRow('woman')?.enrolled)).toBe(csvWomen?.[1]);
			const csvTotal = rows.find((r) => r[0] === (locale === 'ar' ? 'المجموع' : 'Total'));
			expect(apiRow(null)?.enrolled).toBeGreaterThanOrEqual(6);
			expect(String(apiRow(null)?.enrolled)).toBe(csvTotal?.[1]);

			await page
				.getByRole('button', { name: new RegExp(t.revoke) })
				.first()
				.click();
			await page.locator('.notice.ok').waitFor();
			await screenshot(page, `partner-tokens-revoked-${locale}-${String(width)}`);
			const refused = await fetch(`${base}/api/v1/reports?${query}`, {
				headers: { authorization: `Bearer ${token}` }
			});
			expect(refused.status).toBe(401);
			expect(((await refused.json()) as { error: string }).error).toBe('TOKEN_REVOKED');
			await context.close();
		});
	}
});
