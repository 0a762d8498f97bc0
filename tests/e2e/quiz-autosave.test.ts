import { beforeAll, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
	axeViolations,
	describeBrowser,
	launchBrowser,
	registerInBrowser,
	screenshot
} from '../helpers/browser.ts';
import { startServer, waitForOutput, type RunningServer } from '../helpers/server.ts';

// Issue 11 #8 (an answer never stays unsaved) and #5 ("check my answer" asks first), in
// Chromium with the network cut; the database says what the server holds, not the page.
let server: RunningServer;
let browser: Browser;
const PG = '/courses/participatory-governance';
const MOBILE = { width: 360, height: 740 };
const AR = {
	saved: 'حُفظت',
	unsent: 'لم تُرسَل بعد: محفوظة على هذا الجهاز، وستُرسَل تلقائيًا عند عودة الاتصال.',
	check: 'تحقّق من إجابتي',
	answerFirst: 'أجب عن السؤال أولًا ثم تحقّق.',
	confirm: 'نعم، تحقّق وثبّت إجابتي',
	cancel: 'إلغاء، سأراجع إجابتي',
	offline: 'لا يوجد اتصال بالشبكة.'
};

const field = (page: Page, id: string) => page.locator(`fieldset[data-question="${id}"]`);
const status = (page: Page, id: string) => field(page, id).locator('.status').textContent();
const short = (page: Page) => page.locator('input[name="q:subsidiarity-term"]');

/** What the server's database holds for one attempt, by question. */
function stored(attemptId: number) {
	const db = new Database(server.dbFile, { readonly: true, fileMustExist: true });
	try {
		const rows = db
			.prepare(
				'select question_id as id, response, checked_at as checkedAt from attempt_answer where attempt_id = ?'
			)
			.all(attemptId) as { id: string; response: string | null; checkedAt: number | null }[];
		return Object.fromEntries(
			rows.map((r) => [
				r.id,
				{
					response: r.response === null ? null : (JSON.parse(r.response) as unknown),
					checked: r.checkedAt !== null
				}
			])
		);
	} finally {
		db.close();
	}
}

const unsentKey = (page: Page, attemptId: number) =>
	page.evaluate((k) => localStorage.getItem(k), `tamkeen.quiz.unsent.${attemptId}`);

/** A new learner in Arabic, enrolled, on a fresh attempt of the first module's quiz. */
async function startQuiz(context: BrowserContext, email: string) {
	const page = await context.newPage();
	await registerInBrowser(page, server.url, {
		lang: 'ar',
		email,
		password: 'كلمة مرور طويلة',
		name: 'سلمى'
	});
	await page.goto(`${server.url}/ar${PG}`);
	await page.getByRole('button', { name: 'التسجيل في الدورة' }).click();
	await page.getByRole('button', { name: 'تجاوز الاختبار القبلي' }).click();
	await page.waitForURL(/decentralisation-basics$/);
	await page.goto(`${server.url}/ar${PG}/quiz/foundations`);
	await page.getByRole('button', { name: 'ابدأ الاختبار' }).click();
	await page.waitForURL(/\/attempt\/\d+$/);
	await page.waitForLoadState('networkidle');
	return { page, url: page.url(), attemptId: Number(page.url().split('/').pop()) };
}

describeBrowser('quiz answers with a failing connection, and checking an answer', () => {
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
		'keeps answers given offline, says "not sent yet", and saves them when the connection returns or the page is reopened',
		{ timeout: 150_000 },
		async () => {
			const context = await browser.newContext({ viewport: MOBILE });
			context.setDefaultTimeout(30_000);
			const { page, url, attemptId } = await startQuiz(context, 'salma@example.tn');

			await field(page, 'art-139-status').locator('input[value="false"]').check();
			await expect.poll(() => status(page, 'art-139-status')).toBe(AR.saved);
			await screenshot(page, 'ar-quiz-autosave-online-mobile');

			await context.setOffline(true);
			await short(page).fill('التفريع');
			await field(page, 'after-dissolution-2023').locator('input[value="a"]').check();
			await expect.poll(() => status(page, 'subsidiarity-term')).toBe(AR.unsent);
			await expect.poll(() => status(page, 'after-dissolution-2023')).toBe(AR.unsent);
			expect(JSON.parse((await unsentKey(page, attemptId)) ?? '{}')).toEqual({
				'subsidiarity-term': 'التفريع',
				'after-dissolution-2023': ['a']
			});
			expect(stored(attemptId)['subsidiarity-term']).toBeUndefined();
			// Submitting now would fail: the page says why and stays.
			await page.getByRole('button', { name: 'سلّم الاختبار' }).click();
			await expect.poll(() => page.locator('[data-send-note]').textContent()).toContain(AR.offline);
			expect(page.url()).toBe(url);
			expect(await axeViolations(page)).toEqual([]);
			await screenshot(page, 'ar-quiz-autosave-offline-mobile');

			await context.setOffline(false);
			await expect
				.poll(() => status(page, 'subsidiarity-term'), { timeout: 40_000 })
				.toBe(AR.saved);
			await expect.poll(() => status(page, 'after-dissolution-2023')).toBe(AR.saved);
			expect(stored(attemptId)).toMatchObject({
				'art-139-status': { response: false },
				'subsidiarity-term': { response: 'التفريع' },
				'after-dissolution-2023': { response: ['a'] }
			});
			expect(await unsentKey(page, attemptId)).toBeNull();

			// Offline again, an answer changed, the tab closed; reopened online, it is sent.
			await context.setOffline(true);
			await short(page).fill('مبدأ التفريع');
			await expect.poll(() => status(page, 'subsidiarity-term')).toBe(AR.unsent);
			await page.close();
			await context.setOffline(false);
			expect(stored(attemptId)['subsidiarity-term']?.response).toBe('التفريع');
			const again = await context.newPage();
			await again.goto(url);
			expect(await short(again).inputValue()).toBe('مبدأ التفريع');
			await expect.poll(() => status(again, 'subsidiarity-term')).toBe(AR.saved);
			expect(stored(attemptId)['subsidiarity-term']?.response).toBe('مبدأ التفريع');
			expect(await unsentKey(again, attemptId)).toBeNull();
			await context.close();
		}
	);

	it(
		'"check my answer" says it locks, asks first, and an empty answer is told to answer first',
		{ timeout: 120_000 },
		async () => {
			const context = await browser.newContext({ viewport: MOBILE });
			context.setDefaultTimeout(30_000);
			const { page, attemptId } = await startQuiz(context, 'hedi@example.tn');
			const checkButton = page.locator('button[name="check"][value="art-139-status"]');
			const dialog = page.locator('dialog[data-check-dialog]');

			await checkButton.click();
			expect(await status(page, 'art-139-status')).toBe(AR.answerFirst);
			expect(await dialog.isVisible()).toBe(false);

			await field(page, 'art-139-status').locator('input[value="false"]').check();
			await checkButton.click();
			await dialog.waitFor({ state: 'visible' });
			// The dialog names the question (drawn in a random order) by its number.
			const n = await checkButton.getAttribute('data-n');
			expect(await dialog.textContent()).toContain(`السؤال ${n ?? '?'}؟`);
			expect(await axeViolations(page)).toEqual([]);
			await screenshot(page, 'ar-quiz-check-dialog-mobile');
			await page.getByRole('button', { name: AR.cancel }).click();
			await dialog.waitFor({ state: 'hidden' });
			expect(stored(attemptId)['art-139-status']).toMatchObject({
				response: false,
				checked: false
			});

			await checkButton.click();
			await page.getByRole('button', { name: AR.confirm }).click();
			await page.getByText('أصبحت هذه الإجابة نهائية.').waitFor();
			expect(stored(attemptId)['art-139-status']).toMatchObject({ response: false, checked: true });
			await expect
				.poll(() => field(page, 'art-139-status').evaluate((f) => f.matches(':disabled')))
				.toBe(true);

			// The step a learner without JavaScript sees (the same post, without the dialog).
			await short(page).fill('التفريع');
			await page.evaluate(() => {
				const form = document.querySelector<HTMLFormElement>('form[data-attempt]');
				form?.requestSubmit(
					document.querySelector<HTMLButtonElement>(
						'button[name="check"][value="subsidiarity-term"]'
					)
				);
			});
			await page.getByRole('heading', { name: /هل تريد التحقّق الآن/ }).waitFor();
			expect(await axeViolations(page)).toEqual([]);
			await screenshot(page, 'ar-quiz-check-step-mobile');
			await context.close();
		}
	);

	it(
		'in French on a desktop: an answer refused by a failing server (5xx) is retried and saved; axe passes',
		{ timeout: 120_000 },
		async () => {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			context.setDefaultTimeout(30_000);
			const page = await context.newPage();
			await registerInBrowser(page, server.url, {
				lang: 'fr',
				email: 'ines@example.tn',
				password: 'mot de passe long',
				name: 'Inès'
			});
			await page.goto(`${server.url}/fr${PG}`);
			await page.getByRole('button', { name: 'M’inscrire à ce cours' }).click();
			await page.getByRole('button', { name: 'Passer directement aux leçons' }).click();
			await page.waitForURL(/decentralisation-basics$/);
			await page.goto(`${server.url}/fr${PG}/quiz/foundations`);
			await page.getByRole('button', { name: 'Commencer le quiz' }).click();
			await page.waitForURL(/\/attempt\/\d+$/);
			await page.waitForLoadState('networkidle');
			const attemptId = Number(page.url().split('/').pop());
			// The server fails the first save (a 503, as a restarting server would): the answer waits,
			// says so, and is sent again on its own.
			let failed = 0;
			await page.route('**/api/v1/attempts/*/answers/*', (route) =>
				failed++ === 0 ? route.fulfill({ status: 503, body: '' }) : route.continue()
			);
			await page.locator('input[name="q:subsidiarity-term"]').fill('subsidiarité');
			await expect
				.poll(() => status(page, 'subsidiarity-term'))
				.toBe(
					'Pas encore envoyée\u202f: gardée sur cet appareil, elle sera envoyée dès le retour de la connexion.'
				);
			await expect
				.poll(() => status(page, 'subsidiarity-term'), { timeout: 15_000 })
				.toBe('Enregistrée');
			expect(stored(attemptId)['subsidiarity-term']?.response).toBe('subsidiarité');
			expect(await page.textContent('main')).toContain('la rend définitive');
			expect(await axeViolations(page)).toEqual([]);
			await screenshot(page, 'fr-quiz-attempt-desktop');
			await context.close();
		}
	);
});
