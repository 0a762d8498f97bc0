import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, launchBrowser, screenshot } from '../helpers/browser.ts';
import net from 'node:net';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { finishLessons, passAllQuizzes } from '../helpers/learning.ts';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Db } from '../../src/lib/server/db/index.ts';
import { course, quiz } from '../../src/lib/server/db/schema/index.ts';
import { createUser } from '../../src/lib/server/accounts/users.ts';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import { assignCourseTrainer } from '../../src/lib/server/courses/trainers.ts';
import { setDueDates } from '../../src/lib/server/cohorts/due-dates.ts';
import { syllabus } from '../../src/lib/server/learning/catalog.ts';

let h: TestApp;
let server: { url: string };
let browser: Browser;
let db: Db;

const account = async (email: string, name: string, role: 'learner' | 'trainer' | 'admin') =>
	(
		await createUser(db, {
			email,
			name,
			password: 'a long passphrase here',
			locale: 'ar',
			role,
			position: null,
			governorateId: null,
			municipalityId: null,
			gender: null
		})
	).id;

/** A browser context signed in as `userId`, without JavaScript (every page must work so). */
async function contextAs(userId: string, viewport: { width: number; height: number }) {
	const context = await browser.newContext({ viewport, javaScriptEnabled: false });
	context.setDefaultTimeout(30_000);
	const { token } = createSession(db, { userId });
	await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url }]);
	return context;
}

/**
 * Opens `url` without JavaScript (the page people act on), and checks it with axe in a second
 * context of the same user that runs JavaScript: axe is a script, and in a context without
 * JavaScript its evaluation never returns (the journey used to hang there, after its first
 * screenshot).
 */
async function checked(context: BrowserContext, url: string, shot: string) {
	const page = await context.newPage();
	const res = await page.goto(url);
	expect(res?.status(), url).toBe(200);
	await screenshot(page, shot);
	const audit = await browser.newContext({
		viewport: page.viewportSize() ?? undefined,
		storageState: await context.storageState()
	});
	const auditPage = await audit.newPage();
	await auditPage.goto(url);
	expect(await axeViolations(auditPage), url).toEqual([]);
	await audit.close();
	return page;
}

describe('cohorts in a real browser, without JavaScript', () => {
	// In-process (as the access matrix runs): a spawned server can take over 30 s to start on
	// shared cores, which the spawn helper does not wait for.
	beforeAll(async () => {
		const port = await new Promise<number>((resolve) => {
			const srv = net.createServer().listen(0, '127.0.0.1', () => {
				const { port } = srv.address() as net.AddressInfo;
				srv.close(() => {
					resolve(port);
				});
			});
		});
		server = { url: `http://127.0.0.1:${port}` };
		h = await buildTestApp({ kit: true, courses: true, env: { ORIGIN: server.url } });
		await h.app.listen({ host: '127.0.0.1', port });
		db = h.t.db;
		return () => h.close();
	});
	beforeAll(async () => {
		browser = await launchBrowser();
		return () => browser.close();
	});

	it(
		'in Arabic: a trainer opens a cohort, two learners join by link, an essay is graded, the learner sees the feedback and the certificate; the numbers are right; a second trainer sees none of it; exports read back',
		{ timeout: 900_000 },
		async () => {
			const admin = await account('admin@example.tn', 'Admin', 'admin');
			const trainer = await account('hela@example.tn', 'هالة الطرابلسي', 'trainer');
			const second = await account('karim@example.tn', 'كريم الجندوبي', 'trainer');
			const amel = await account('amel@example.tn', 'أمل بن علي', 'learner');
			const sami = await account('sami@example.tn', 'سامي الحاجي', 'learner');
			const courseId = db
				.select()
				.from(course)
				.where(eq(course.slug, 'participatory-governance'))
				.get()!.id;
			for (const t of [trainer, second])
				assignCourseTrainer(db, { actorId: admin, courseId, userId: t });
			const PG = `${server.url}/ar/courses/participatory-governance`;

			// The trainer opens the cohort and a join code, in Arabic on a phone.
			const ar = await contextAs(trainer, { width: 360, height: 740 });
			const list = await checked(ar, `${server.url}/ar/trainer/cohorts`, 'ar-cohorts-mobile');
			await list.getByLabel('اسم الفوج').fill('الكتاب العامون بولاية صفاقس');
			await list.getByRole('button', { name: 'إحداث الفوج' }).click();
			await list.waitForURL(/\/ar\/trainer\/cohorts\/\d+\/manage$/);
			await list.getByRole('button', { name: 'إنشاء رمز انضمام' }).click();
			await list.waitForLoadState();
			const link = (await list.locator('main a[href*="/join/"]').first().textContent())!.trim();
			const manageUrl = list.url().replace(/\?.*$/, '');
			const board = manageUrl.replace(/\/manage$/, '');
			const cohortId = Number(/cohorts\/(\d+)/.exec(board)![1]);
			await checked(ar, manageUrl, 'ar-cohort-manage-mobile');

			// The roster, uploaded through the page as Excel saves a CSV in French: a byte-order
			// mark, `;` separators. One row has a bad email: the preview shows it, and nothing is
			// written until the trainer confirms.
			const roster = await checked(ar, `${board}/roster`, 'ar-cohort-roster-mobile');
			const csv = [
				'name;email;position;governorate;municipality;gender',
				'نور الهدى السويسي;nour@example.tn;municipal-staff;TN-61;;woman',
				'Youssef Trabelsi;youssef@example.tn;;;;',
				'Mauvaise ligne;pas-une-adresse;;;;'
			].join('\r\n');
			await roster.locator('#roster-file').setInputFiles({
				name: 'liste.csv',
				mimeType: 'text/csv',
				buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')])
			});
			await roster.getByRole('button', { name: 'معاينة' }).click();
			await roster.waitForLoadState();
			const refused = roster.locator('tr.refused');
			await expect.poll(() => refused.count()).toBe(1);
			expect(await refused.textContent()).toContain('pas-une-adresse');
			expect(await refused.locator('ul.problems li').count()).toBeGreaterThan(0);
			await screenshot(roster, 'ar-cohort-roster-preview-mobile');
			const beforeConfirm = await checked(ar, board, 'ar-cohort-dashboard-before-roster');
			expect(await beforeConfirm.textContent('main')).not.toContain('Youssef Trabelsi');
			await roster.getByRole('button', { name: 'تأكيد وتسجيل' }).click();
			await roster.waitForLoadState();
			expect(await roster.getByRole('status').textContent()).toContain('تمّ تسجيل القائمة.');
			const afterConfirm = await checked(ar, board, 'ar-cohort-dashboard-roster');
			const names = await afterConfirm.locator('table tbody th').allTextContents();
			expect(names.join(' ')).toContain('نور الهدى السويسي');
			expect(names.join(' ')).toContain('Youssef Trabelsi');
			expect(names.join(' ')).not.toContain('Mauvaise ligne');

			// Two learners join by the link.
			const learners: Record<string, BrowserContext> = {};
			for (const [id, shot] of [
				[amel, 'ar-join-mobile'],
				[sami, 'ar-join-mobile-2']
			] as const) {
				const ctx = await contextAs(id, { width: 360, height: 740 });
				learners[id] = ctx;
				const join = await checked(ctx, link, shot);
				await join.getByRole('button', { name: 'الانضمام إلى الفوج' }).click();
				await join.waitForURL(/\/ar\/courses\/participatory-governance$/);
			}
			finishLessons(db, { userId: amel, courseId });
			finishLessons(db, { userId: sami, courseId, leave: 2 });
			const [first, secondModule] = syllabus(db, courseId);
			setDueDates(db, {
				actorId: trainer,
				cohortId,
				dates: new Map([
					[first!.id, '2026-01-15'],
					[secondModule!.id, '2099-06-30']
				])
			});

			// Amel writes the first module's assignment (an essay) in the browser.
			const essay = await learners[amel]!.newPage();
			await essay.goto(`${PG}/quiz/foundations.assignment`);
			await essay.getByRole('button', { name: 'ابدأ الاختبار' }).click();
			await essay.waitForURL(/\/attempt\/\d+$/);
			const words = Array.from({ length: 320 }, (_, i) => `كلمة${String(i)}`).join(' ');
			await essay.locator('main textarea').first().fill(words);
			await essay.getByRole('button', { name: 'سلّم الاختبار' }).click();
			await essay.waitForURL(/\/review$/);
			const reviewUrl = essay.url();
			// Every other quiz passed: her certificate needs no graded assignment.
			const assignments = db
				.select({ slug: quiz.slug })
				.from(quiz)
				.where(eq(quiz.courseId, courseId))
				.all()
				.map((q) => q.slug)
				.filter((slug) => slug.endsWith('.assignment'));
			passAllQuizzes(db, { userId: amel, courseId, locale: 'ar', skip: assignments });

			// The trainer announces, then grades the essay from the cohort's queue.
			const arBoard = await checked(ar, board, 'ar-cohort-dashboard-mobile');
			await arBoard
				.getByLabel('رسالة إلى متعلمي الفوج')
				.fill('لقاء حضوري يوم الخميس على الساعة التاسعة.');
			await arBoard.getByRole('button', { name: 'نشر الإعلان' }).click();
			await expect.poll(() => arBoard.textContent('main')).toContain('تمّ نشر الإعلان.');
			const queue = await checked(
				ar,
				`${PG}/grading?cohort=${cohortId}`,
				'ar-grading-queue-mobile'
			);
			await queue.locator('main a[href*="/grading/"]').first().click();
			await queue.waitForURL(/\/grading\/\d+$/);
			await checked(ar, queue.url(), 'ar-grading-attempt-mobile');
			for (const input of await queue.locator('input[name^="r:"]').all()) await input.fill('1');
			await queue.locator('textarea[name="feedback"]').fill('عمل جيد، أضف تاريخ كل مصدر.');
			await queue.getByRole('button', { name: 'حفظ التقييم' }).click();
			await expect
				.poll(() => queue.textContent('main'))
				.toContain('حُفظ التقييم وحُدِّثت نتيجة المحاولة.');

			// Amel sees the feedback, the announcement and her certificate.
			const review = await learners[amel]!.newPage();
			await review.goto(reviewUrl);
			expect(await review.textContent('main')).toContain('عمل جيد، أضف تاريخ كل مصدر.');
			const mine = await learners[amel]!.newPage();
			await mine.goto(`${server.url}/ar/learn`);
			expect(await mine.textContent('main')).toContain('لقاء حضوري يوم الخميس');
			const certificates = await mine
				.locator('section[aria-labelledby="certificates"]')
				.textContent();
			expect(certificates).toContain('شهادة إتمام');
			expect(certificates).not.toContain('لا شهادة بعد');

			// The dashboard, the learner's record and item analysis show the right numbers.
			const again = await checked(ar, board, 'ar-cohort-dashboard-mobile');
			const total = (label: string) =>
				again.locator('.totals div', { hasText: label }).locator('dd').textContent();
			// Two who joined by the link and two from the roster.
			expect(await total('المسجّلون')).toBe('4');
			expect(await total('تحصّلوا على شهادة')).toBe('1');
			const record = await checked(ar, `${board}/learners/${amel}`, 'ar-cohort-learner-mobile');
			expect(await record.textContent('main')).toContain('عمل جيد، أضف تاريخ كل مصدر.');
			const analysis = await checked(
				ar,
				`${PG}/analysis?quiz=final&cohort=${cohortId}`,
				'ar-analysis-cohort-mobile'
			);
			expect(
				// The first figure is the number of attempts (only Amel took the final).
				await analysis.locator('.summary dd').first().textContent()
			).toBe('1');

			// Exports open in a spreadsheet reader.
			const grid = await ar.request.get(`${board}/export?table=grid&format=csv`);
			expect(grid.status()).toBe(200);
			const text = (await grid.body()).toString('utf8');
			expect(text.charCodeAt(0)).toBe(0xfeff);
			const rows: string[][] = parse(text.slice(1), { relax_column_count: true });
			expect(
				rows
					.slice(1)
					.map((r) => r[0])
					.sort()
			).toEqual(['أمل بن علي', 'سامي الحاجي', 'نور الهدى السويسي', 'Youssef Trabelsi'].sort());
			const xlsx = await ar.request.get(`${board}/export?table=attempts&format=xlsx`);
			const book = new ExcelJS.Workbook();
			await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
			const sheet = book.worksheets[0]!;
			expect(sheet.views[0]?.rightToLeft).toBe(true);
			expect(sheet.getRow(2).getCell(1).value).toBe('أمل بن علي');

			// A second trainer of the same course sees none of it.
			const other = await contextAs(second, { width: 360, height: 740 });
			const theirs = await other.newPage();
			await theirs.goto(`${server.url}/ar/trainer/cohorts`);
			expect(await theirs.textContent('main')).not.toContain('الكتاب العامون بولاية صفاقس');
			for (const url of [
				board,
				manageUrl,
				`${board}/learners/${amel}`,
				`${board}/export?table=grid&format=csv`,
				`${PG}/grading?cohort=${cohortId}`,
				`${PG}/analysis?quiz=final&cohort=${cohortId}`
			]) {
				const res = await other.request.get(url);
				expect(res.status(), url).toBe(404);
			}
			const theirQueue = await other.newPage();
			await theirQueue.goto(`${PG}/grading`);
			expect(await theirQueue.textContent('main')).not.toContain('أمل بن علي');

			// The same trainer pages in French, on a desktop.
			const fr = await contextAs(trainer, { width: 1280, height: 900 });
			const frBoard = await checked(
				fr,
				`${board.replace('/ar/', '/fr/')}?sort=progress&filter=all`,
				'fr-cohort-dashboard-desktop'
			);
			expect(await frBoard.textContent('main')).toContain('Inscrits');
			await checked(fr, manageUrl.replace('/ar/', '/fr/'), 'fr-cohort-manage-desktop');
			await checked(fr, `${server.url}/fr/trainer/cohorts`, 'fr-cohorts-desktop');
			await checked(
				fr,
				`${board.replace('/ar/', '/fr/')}/learners/${amel}`,
				'fr-cohort-learner-desktop'
			);
			await checked(
				fr,
				`${PG.replace('/ar/', '/fr/')}/analysis?quiz=final&cohort=${cohortId}`,
				'fr-analysis-cohort-desktop'
			);
			await checked(
				fr,
				`${PG.replace('/ar/', '/fr/')}/grading?cohort=${cohortId}`,
				'fr-grading-queue-desktop'
			);
			// What the learners see, for people to look at.
			for (const [ctx, lang, width, name] of [
				[learners[sami]!, 'ar', 360, 'ar-learn-cohort-news-mobile'],
				[learners[sami]!, 'fr', 1280, 'fr-course-cohort-news-desktop']
			] as const) {
				const p = await ctx.newPage();
				await p.setViewportSize({ width, height: 900 });
				await p.goto(
					name.includes('learn')
						? `${server.url}/${lang}/learn`
						: `${server.url}/${lang}/courses/participatory-governance`
				);
				await screenshot(p, name);
			}
		}
	);
});
