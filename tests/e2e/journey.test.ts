import Database from 'better-sqlite3';
import { beforeAll, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import {
	axeViolations,
	describeBrowser,
	launchBrowser,
	registerInBrowser,
	screenshot
} from '../helpers/browser.ts';
import { startServer, waitForOutput, type RunningServer } from '../helpers/server.ts';
import { rightResponse } from '../integration/quiz/fixture.ts';
import type { AttemptQuestion } from '../../src/lib/server/db/schema/index.ts';

// Issue 11: a new user reaches the certificate by following only what a person sees: after the
// home page, every step is a link or a button found by its visible text or role. Every page of
// the way passes axe and fits the screen; the Arabic pass saves a screenshot of each step.
// The answers come from the attempt's own snapshot (a person would have read the lessons).
let server: RunningServer;
let browser: Browser;

const TEXT = {
	ar: {
		register: 'إنشاء حساب',
		browse: 'تصفّح الدورات',
		course: 'الحوكمة التشاركية والحوكمة المحلية المفتوحة',
		enrol: 'التسجيل في الدورة',
		skip: 'تجاوز الاختبار القبلي',
		takePretest: 'ابدأ الاختبار القبلي',
		finish: 'أنهيت هذا الدرس',
		start: 'ابدأ الاختبار',
		submit: 'سلّم الاختبار',
		backToCourse: 'العودة إلى الدورة',
		continueCourse: 'واصل الدورة',
		nextStep: 'خطوتك الموالية',
		earned: 'مبروك! تحصّلت على شهادتك',
		allCertificates: 'كل شهاداتي',
		myLearning: 'تكويني',
		firstSteps: 'خطواتك الأولى'
	},
	fr: {
		register: 'Créer un compte',
		browse: 'Parcourir les cours',
		course: 'Gouvernance participative et gouvernance locale ouverte',
		enrol: 'M’inscrire à ce cours',
		skip: 'Passer directement aux leçons',
		takePretest: 'Passer le test préalable',
		finish: 'J’ai terminé cette leçon',
		start: 'Commencer le quiz',
		submit: 'Remettre le quiz',
		backToCourse: 'Retour à la formation',
		continueCourse: 'Continuer la formation',
		nextStep: 'Votre prochaine étape',
		earned: 'Félicitations, vous avez obtenu votre certificat',
		allCertificates: 'Tous mes certificats',
		myLearning: 'Mes formations',
		firstSteps: 'Vos premiers pas'
	}
} as const;

type Lang = keyof typeof TEXT;

/**
 * Axe, no sideways scrolling, and (in Arabic) a numbered screenshot of the step. Axe and the width
 * need scripts in the page: without JavaScript they run on the same URL, with the same cookies, in
 * a companion context that allows them (every step ends on a GET, so reloading it is harmless).
 */
function auditor(page: Page, lang: Lang, width: number, noJs: boolean) {
	let n = 0;
	return async (step: string) => {
		await page.waitForLoadState('load');
		n += 1;
		if (lang === 'ar') await screenshot(page, `journey-ar-${String(n).padStart(2, '0')}-${step}`);
		const context = page.context();
		const companion = noJs
			? await browser.newContext({
					viewport: { width, height: 740 },
					storageState: await context.storageState()
				})
			: null;
		const target = companion ? await companion.newPage() : page;
		if (companion) await target.goto(page.url());
		expect(await axeViolations(target), `${lang} ${step}: ${page.url()}`).toEqual([]);
		expect(
			await target.evaluate(() => document.documentElement.scrollWidth),
			`${lang} ${step} is wider than the screen`
		).toBeLessThanOrEqual(width);
		await companion?.close();
	};
}

const css = (v: string) => v.replace(/["\\]/g, '\\$&');

/** Fills the open attempt with the right answers, through its form fields. */
async function answerRight(page: Page) {
	const id = Number(/\/attempt\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1]);
	const db = new Database(server.dbFile, { readonly: true });
	const row = db.prepare('select questions, locale from quiz_attempt where id = ?').get(id) as {
		questions: string;
		locale: 'ar' | 'fr' | 'en';
	};
	db.close();
	for (const { question } of JSON.parse(row.questions) as AttemptQuestion[]) {
		if (question.type === 'description') continue;
		const r = rightResponse(question, row.locale);
		const name = (part?: string) => css(part ? `q:${question.id}:${part}` : `q:${question.id}`);
		switch (question.type) {
			case 'single':
			case 'truefalse':
				await page.locator(`input[name="${name()}"][value="${css(String(r))}"]`).check();
				break;
			case 'multiple':
				for (const v of r as string[])
					await page.locator(`input[name="${name()}"][value="${css(v)}"]`).check();
				break;
			case 'matching':
				for (const [pair, token] of Object.entries(r as Record<string, string>))
					await page.locator(`select[name="${name(pair)}"]`).selectOption(token);
				break;
			case 'ordering':
				for (const [k, token] of (r as string[]).entries())
					await page.locator(`select[name="${name(token)}"]`).selectOption(String(k + 1));
				break;
			default:
				await page.locator(`[name="${name()}"]`).fill(String(r));
		}
	}
}

async function journey(
	page: Page,
	lang: Lang,
	{ width, noJs, takePretest }: { width: number; noJs: boolean; takePretest: boolean }
) {
	const t = TEXT[lang];
	const audit = auditor(page, lang, width, noJs);
	// With JavaScript a link may navigate in the page: wait for the address to change (a form
	// that answers on the same address gives up after a few seconds), then for the page to settle.
	const follow = async (target: Locator) => {
		const before = page.url();
		await target.click();
		await page.waitForURL((u) => u.href !== before, { timeout: 8_000 }).catch(() => undefined);
		await page.waitForLoadState('networkidle');
	};
	const click = (role: 'link' | 'button', name: string) =>
		follow(page.getByRole(role, { name }).first());
	const nextStep = () =>
		follow(page.getByRole('region', { name: t.nextStep }).getByRole('link').first());
	await page.goto(`${server.url}/${lang}`);
	await audit('home');
	await click('link', t.register);
	await audit('register');
	await registerInBrowser(page, server.url, {
		lang,
		email: `journey.${lang}@example.tn`,
		password: 'une longue phrase',
		name: lang === 'ar' ? 'نور الهدى' : 'Nour Houda'
	});
	expect(await page.textContent('main')).toContain(t.firstSteps);
	await audit('welcome');
	await click('link', t.browse);
	await audit('catalog');
	await click('link', t.course);
	await audit('course');
	await click('button', t.enrol);
	await audit('pretest-offer');
	if (takePretest) {
		await click('link', t.takePretest);
		await audit('pretest-intro');
		await click('button', t.start);
		await audit('pretest-attempt');
		await click('button', t.submit);
		await page.waitForURL(/\/review/);
		await audit('pretest-review');
		await click('link', t.backToCourse);
		await nextStep();
	} else {
		await click('button', t.skip);
	}

	let lesson = 0;
	let quizzes = 0;
	for (let guard = 0; guard < 60; guard++) {
		await page.waitForLoadState('load');
		if ((await page.getByRole('button', { name: t.finish }).count()) > 0) {
			lesson += 1;
			await audit(`lesson-${String(lesson)}`);
			await click('button', t.finish);
			continue;
		}
		quizzes += 1;
		await audit(`quiz-${String(quizzes)}-intro`);
		await click('button', t.start);
		await page.waitForURL(/\/attempt\/\d+$/);
		await answerRight(page);
		await audit(`quiz-${String(quizzes)}-attempt`);
		await click('button', t.submit);
		await page.waitForURL(/\/review/);
		await audit(`quiz-${String(quizzes)}-review`);
		if ((await page.getByRole('heading', { name: t.earned }).count()) > 0) break;
		await click('link', t.continueCourse);
		await audit(`quiz-${String(quizzes)}-course`);
		await nextStep();
	}
	expect(lesson).toBe(12);
	expect(quizzes).toBe(5);
	await click('link', t.allCertificates);
	await audit('certificates');
	expect(await page.locator('a[href*="/pdf/"]').count()).toBeGreaterThan(0);
	await click('link', t.myLearning);
	await audit('my-learning');
	expect(await page.textContent('main')).toContain(t.course);
}

describeBrowser('the journey to the certificate, by what a person sees', () => {
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
		'in Arabic on a 360 px phone without JavaScript: skips the pre-test, every lesson, every quiz, the final, the certificate',
		{ timeout: 900_000 },
		async () => {
			const context = await browser.newContext({
				viewport: { width: 360, height: 740 },
				javaScriptEnabled: false
			});
			context.setDefaultTimeout(30_000);
			await journey(await context.newPage(), 'ar', { width: 360, noJs: true, takePretest: false });
			await context.close();
		}
	);

	it(
		'in French on a desktop with JavaScript: takes the pre-test, then the same path to the certificate',
		{ timeout: 900_000 },
		async () => {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			context.setDefaultTimeout(30_000);
			await journey(await context.newPage(), 'fr', { width: 1280, noJs: false, takePretest: true });
			await context.close();
		}
	);
});
