import { beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
	axeViolations,
	describeBrowser,
	launchBrowser,
	registerInBrowser,
	screenshot
} from '../helpers/browser.ts';
import { startServer, waitForOutput, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
let browser: Browser;
const PG = '/courses/participatory-governance';
const MOBILE = { width: 360, height: 740 };

/** No axe violation, nothing wider than a 360 px phone, and a screenshot to look at. */
async function audit(page: Page, name: string) {
	expect(await axeViolations(page), name).toEqual([]);
	expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(
		MOBILE.width
	);
	await screenshot(page, name);
}

const field = (page: Page, questionId: string) =>
	page.locator(`fieldset[data-question="${questionId}"]`);

/** Answers four question types of the foundations quiz through the page's controls. */
async function answer(page: Page, short: string) {
	await page.locator('input[name="q:subsidiarity-term"]').fill(short);
	await field(page, 'governorate-is-deconcentration').locator('input[value="a"]').check();
	await field(page, 'art-139-status').locator('input[value="false"]').check();
	await field(page, 'after-dissolution-2023').locator('input[value="a"]').check();
	await field(page, 'after-dissolution-2023').locator('input[value="b"]').check();
	const selects = field(page, 'legal-framework-timeline').locator('select');
	for (let i = 0; i < (await selects.count()); i++)
		await selects.nth(i).selectOption(String(i + 1));
}

async function expectAnswers(page: Page, short: string) {
	expect(await page.locator('input[name="q:subsidiarity-term"]').inputValue()).toBe(short);
	expect(
		await field(page, 'governorate-is-deconcentration').locator('input[value="a"]').isChecked()
	).toBe(true);
	expect(await field(page, 'art-139-status').locator('input[value="false"]').isChecked()).toBe(
		true
	);
	expect(await field(page, 'after-dissolution-2023').locator('input[value="a"]').isChecked()).toBe(
		true
	);
	expect(await field(page, 'after-dissolution-2023').locator('input[value="b"]').isChecked()).toBe(
		true
	);
	expect(await field(page, 'after-dissolution-2023').locator('input[value="c"]').isChecked()).toBe(
		false
	);
	const selects = field(page, 'legal-framework-timeline').locator('select');
	for (let i = 0; i < (await selects.count()); i++)
		expect(await selects.nth(i).inputValue()).toBe(String(i + 1));
}

describeBrowser('taking a quiz in a real browser', () => {
	// Each resource is closed by the hook that opened it, and only if it opened.
	beforeAll(async () => {
		server = await startServer();
		await waitForOutput(server, /search index rebuilt|No administrator|Sign in at/);
		return () => server.stop();
	});
	beforeAll(async () => {
		browser = await launchBrowser();
		return () => browser.close();
	});

	it(
		'in Arabic with JavaScript: each answer saves as it changes, survives a reload, and is submitted',
		{ timeout: 120_000 },
		async () => {
			const context = await browser.newContext({ viewport: MOBILE });
			context.setDefaultTimeout(30_000);
			const page = await context.newPage();
			await registerInBrowser(page, server.url, {
				lang: 'ar',
				email: 'rim@example.tn',
				password: 'كلمة مرور طويلة',
				name: 'ريم'
			});
			await page.goto(`${server.url}/ar${PG}`);
			await page.getByRole('button', { name: 'التسجيل في الدورة' }).click();
			await page.getByRole('button', { name: 'تجاوز الاختبار القبلي' }).click();
			await page.waitForURL(/decentralisation-basics$/);
			await page.goto(`${server.url}/ar${PG}`);
			await page.getByRole('link', { name: /اختبار الوحدة 1/ }).click();
			await page.waitForURL(`${server.url}/ar${PG}/quiz/foundations`);
			expect(await page.textContent('main')).toContain('عتبة النجاح: 70\u200e%\u200e');
			await audit(page, 'ar-quiz-intro-mobile');

			await page.getByRole('button', { name: 'ابدأ الاختبار' }).click();
			await page.waitForURL(/\/attempt\/\d+$/);
			await page.waitForLoadState('networkidle');
			expect(await page.getAttribute('html', 'dir')).toBe('rtl');
			await answer(page, 'التفريع');
			// Each question says it was saved, without pressing any button.
			for (const id of [
				'subsidiarity-term',
				'governorate-is-deconcentration',
				'art-139-status',
				'after-dissolution-2023',
				'legal-framework-timeline'
			])
				await expect
					.poll(() => field(page, id).locator('.status').textContent(), { timeout: 10_000 })
					.toBe('حُفظت');
			await audit(page, 'ar-quiz-attempt-mobile');

			await page.reload();
			await expectAnswers(page, 'التفريع');
			await page.getByRole('button', { name: 'سلّم الاختبار' }).click();
			await page.waitForURL(/\/review$/);
			const main = await page.textContent('main');
			expect(main).toContain('نتيجتك');
			expect(main).toContain('التفريع');
			expect(main).toContain('إجابة صحيحة');
			await audit(page, 'ar-quiz-review-mobile');
			await context.close();
		}
	);

	it(
		'in French without JavaScript: answers, saves, finds them again, and submits',
		{ timeout: 120_000 },
		async () => {
			const context = await browser.newContext({ javaScriptEnabled: false, viewport: MOBILE });
			context.setDefaultTimeout(30_000);
			const page = await context.newPage();
			await registerInBrowser(page, server.url, {
				lang: 'fr',
				email: 'karim@example.tn',
				password: 'sans javascript',
				name: 'Karim'
			});
			await page.goto(`${server.url}/fr${PG}`);
			await page.getByRole('button', { name: 'M’inscrire à ce cours' }).click();
			await page.getByRole('button', { name: 'Passer directement aux leçons' }).click();
			await page.waitForURL(/decentralisation-basics$/);
			await page.goto(`${server.url}/fr${PG}/quiz/foundations`);
			await page.getByRole('button', { name: 'Commencer le quiz' }).click();
			await page.waitForURL(/\/attempt\/\d+$/);
			const attemptUrl = page.url();
			await answer(page, 'subsidiarité');
			await page.getByRole('button', { name: 'Enregistrer les réponses' }).click();
			await expect
				.poll(() => page.textContent('main'))
				.toContain('Vos réponses sont enregistrées.');
			await page.goto(attemptUrl);
			await expectAnswers(page, 'subsidiarité');
			await page.getByRole('button', { name: 'Remettre le quiz' }).click();
			await page.waitForURL(/\/review$/);
			expect(await page.textContent('main')).toContain('Votre résultat');
			const reviewUrl = page.url();

			// The same pages, checked for accessibility in a context that can run axe.
			const state = await context.storageState();
			await context.close();
			const checked = await browser.newContext({ viewport: MOBILE, storageState: state });
			const p = await checked.newPage();
			await p.goto(reviewUrl);
			await audit(p, 'fr-quiz-review-mobile');
			await p.goto(`${server.url}/fr${PG}/quiz/foundations`);
			expect(await p.textContent('main')).toMatch(/Votre meilleur résultat\u202f: [\d,]+\u00a0%/);
			await audit(p, 'fr-quiz-intro-mobile');
			await p.getByRole('button', { name: 'Commencer le quiz' }).click();
			await p.waitForURL(/\/attempt\/\d+$/);
			await audit(p, 'fr-quiz-attempt-mobile');
			await checked.close();
		}
	);
});
