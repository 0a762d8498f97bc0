import { beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, describeBrowser, launchBrowser, screenshot } from '../helpers/browser.ts';
import { listenTestApp, type TestApp } from '../helpers/app.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { createUser } from '../../src/lib/server/accounts/users.ts';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import { createStudioCourse } from '../../src/lib/server/studio/create-course.ts';
import { draftText } from '../../src/lib/server/studio/draft-files.ts';
import { checkQuizText } from '../../src/lib/server/studio/quiz/quiz-check.ts';
import { readQuestions } from '../../src/lib/server/studio/quiz/quiz-yaml.ts';
import { courseIdOf } from '../integration/access/staff.ts';
import { addQuizWithThreeTypes, QUIZ_IDS } from './steps/studio-quiz.ts';

// A trainer adds a module quiz of three question types in the studio: in Arabic on a phone
// (360 px) and in French on a desktop (1280 px). Each page is looked at (screenshots under
// tests/artifacts/) and checked by axe; the quiz file must pass the checker's rules.
let h: TestApp;
let url: string;
let browser: Browser;
let db: Db;
const FILE = '01-introduction/quiz.yaml';

describeBrowser('the quiz editor in a real browser', () => {
	beforeAll(async () => {
		({ h, url } = await listenTestApp());
		db = h.t.db;
		browser = await launchBrowser();
		return async () => {
			await browser.close();
			await h.close();
		};
	});

	const cases = [
		{ ui: 'ar', source: 'ar', width: 360, height: 800, slug: 'quiz-ar' },
		{ ui: 'fr', source: 'fr', width: 1280, height: 900, slug: 'quiz-fr' }
	] as const;

	for (const c of cases)
		it(
			`adds single, multiple and short questions in ${c.ui} at ${String(c.width)} px`,
			{ timeout: 300_000 },
			async () => {
				const trainer = (
					await createUser(db, {
						email: `${c.slug}@example.tn`,
						name: 'Hela',
						password: 'a long passphrase here',
						locale: c.ui,
						role: 'trainer',
						position: null,
						governorateId: null,
						municipalityId: null,
						gender: null
					})
				).id;
				createStudioCourse(db, {
					actorId: trainer,
					slug: c.slug,
					source: c.source,
					titles: { [c.source]: c.source === 'ar' ? 'الميزانية' : 'Le budget' }
				});
				const context = await browser.newContext({
					viewport: { width: c.width, height: c.height }
				});
				context.setDefaultTimeout(30_000);
				const { token } = createSession(db, { userId: trainer });
				await context.addCookies([{ name: SESSION_COOKIE, value: token, url }]);
				const page = await context.newPage();

				await addQuizWithThreeTypes(page, {
					base: url,
					slug: c.slug,
					quiz: 'introduction',
					ui: c.ui,
					source: c.source
				});

				const text = draftText(db, courseIdOf(db, c.slug), FILE)!;
				expect(readQuestions(text).map((q) => [q.id, q.type])).toEqual([
					[QUIZ_IDS[0], 'single'],
					[QUIZ_IDS[1], 'multiple'],
					[QUIZ_IDS[2], 'short']
				]);
				const errors = checkQuizText(db, {
					courseId: courseIdOf(db, c.slug),
					path: FILE,
					text
				}).filter((p) => p.severity === 'error');
				expect(errors).toEqual([]);

				// The quiz as the trainer now sees it, and the form of each type, looked at and checked.
				const quiz = `${url}/${c.ui}/studio/${c.slug}/quiz/introduction`;
				for (const [path, shot] of [
					[quiz, 'list'],
					[`${quiz}/question?id=${QUIZ_IDS[0]}`, 'single'],
					[`${quiz}/question?id=${QUIZ_IDS[1]}`, 'multiple'],
					[`${quiz}/question?id=${QUIZ_IDS[2]}`, 'short'],
					[`${url}/${c.ui}/studio/${c.slug}`, 'course']
				] as const) {
					expect((await page.goto(path))?.status(), path).toBe(200);
					await screenshot(page, `studio-quiz-${shot}-${c.ui}-${String(c.width)}`);
					expect(await axeViolations(page), path).toEqual([]);
					expect(
						await page.evaluate(() => document.documentElement.scrollWidth),
						path
					).toBeLessThanOrEqual(c.width);
				}
				await page.goto(quiz);
				expect(await page.locator('html').getAttribute('dir')).toBe(c.ui === 'ar' ? 'rtl' : 'ltr');
				expect(await page.locator('ol.questions > li').count()).toBe(3);
				await context.close();
			}
		);
});
