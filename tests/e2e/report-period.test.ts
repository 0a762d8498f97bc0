// A partner chooses a completion period and a cohort breakdown in the form, as a person would,
// in Arabic at 360 px and French at 1280 px: the cohort rows, the footnotes, axe 0, screenshots.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, describeBrowser, launchBrowser, screenshot } from '../helpers/browser.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import { createUser } from '../../src/lib/server/accounts/users.ts';
import { createCohort } from '../../src/lib/server/cohorts/cohorts.ts';
import { addMember } from '../../src/lib/server/cohorts/members.ts';
import { seedReportFixture } from '../integration/reports/fixture.ts';

let h: TestApp;
let browser: Browser;
let base: string;
let session: { name: string; value: string };
let courseId: number;

const TEXT = {
	ar: { none: 'دون فوج', footnote: 'يُحسب في كلّ منهما', order: 'الشهر الأخير من الفترة يسبق' },
	fr: {
		none: 'Sans cohorte',
		footnote: 'compte dans chacune',
		order: 'Le dernier mois de la période'
	}
} as const;

describeBrowser('report period and cohort breakdown in the browser', () => {
	beforeAll(async () => {
		h = await buildTestApp({ kit: true });
		({ courseId } = seedReportFixture(h.t.db));
		const admin = { id: 'L1', role: 'admin', email: '' } as const;
		for (const [name, members] of [
			['Alpha', ['L1', 'L2', 'L3', 'L4', 'L6', 'L7', 'L8']],
			['Beta', ['L1', 'L2']]
		] as const) {
			const c = createCohort(h.t.db, { actor: admin, courseId, input: { name } });
			for (const userId of members)
				addMember(h.t.db, { cohortId: c.id, userId, method: 'picked', actorId: admin.id });
		}
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
		session = { name: SESSION_COOKIE, value: createSession(h.t.db, { userId: partner.id }).token };
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
		it(`${locale} at ${String(width)} px: completion months and a cohort breakdown`, async () => {
			const context = await browser.newContext({ viewport: { width, height: 800 } });
			await context.addCookies([{ ...session, url: base }]);
			const page = await context.newPage();
			await page.goto(`${base}/${locale}/reports?course=${String(courseId)}`);
			await page.fill('input[name=completedFrom]', '2026-01');
			await page.fill('input[name=completedTo]', '2026-02');
			await page.selectOption('select[name=by]', 'cohort');
			await Promise.all([
				page.waitForURL(/by=cohort/),
				page.click('form.filters button[type=submit]')
			]);
			expect(page.url()).toContain('completedFrom=2026-01');
			expect(page.url()).toContain('completedTo=2026-02');
			const rows = page.locator('table.report tbody th[scope=row]');
			expect(await rows.allTextContents()).toEqual(
				expect.arrayContaining(['Alpha', 'Beta', TEXT[locale].none])
			);
			await expect
				.poll(() => page.locator('p.note', { hasText: TEXT[locale].footnote }).count())
				.toBe(1);
			// Beta (2 completed) and "no cohort" (0) are hidden; the form keeps the months chosen.
			expect(await page.locator('td', { hasText: '< 5' }).count()).toBeGreaterThan(0);
			expect(await page.inputValue('input[name=completedFrom]')).toBe('2026-01');
			expect(await axeViolations(page)).toEqual([]);
			await screenshot(page, `report-period-${locale}-${String(width)}`);

			// A period the wrong way round: a 400 page that says so in the reader's language.
			await page.fill('input[name=completedFrom]', '2026-03');
			await page.fill('input[name=completedTo]', '2026-01');
			const [res] = await Promise.all([
				page.waitForResponse((r) => r.url().includes('completedFrom=2026-03')),
				page.click('form.filters button[type=submit]')
			]);
			expect(res.status()).toBe(400);
			await expect.poll(() => page.locator('body').innerText()).toContain(TEXT[locale].order);
			await context.close();
		}, 90_000);
	}
});
