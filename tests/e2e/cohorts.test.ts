import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, launchBrowser, screenshot } from '../helpers/browser.ts';
import net from 'node:net';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { finishLessons } from '../helpers/learning.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { course } from '../../src/lib/server/db/schema/index.ts';
import { createUser } from '../../src/lib/server/accounts/users.ts';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import { assignCourseTrainer } from '../../src/lib/server/courses/trainers.ts';

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
		'a trainer opens a cohort in Arabic at 360 px, a learner joins by link, the dashboard shows them (French, 1280 px)',
		{ timeout: 480_000 },
		async () => {
			const admin = await account('admin@example.tn', 'Admin', 'admin');
			const trainer = await account('hela@example.tn', 'هالة الطرابلسي', 'trainer');
			const learner = await account('amel@example.tn', 'أمل بن علي', 'learner');
			const courseId = db
				.select()
				.from(course)
				.where(eq(course.slug, 'participatory-governance'))
				.get()!.id;
			assignCourseTrainer(db, { actorId: admin, courseId, userId: trainer });

			const ar = await contextAs(trainer, { width: 360, height: 740 });
			const list = await checked(ar, `${server.url}/ar/trainer/cohorts`, 'ar-cohorts-mobile');
			await list.getByLabel('اسم الفوج').fill('الكتاب العامون بولاية صفاقس');
			await list.getByRole('button', { name: 'إحداث الفوج' }).click();
			await list.waitForURL(/\/ar\/trainer\/cohorts\/\d+\/manage$/);
			await list.getByRole('button', { name: 'إنشاء رمز انضمام' }).click();
			await list.waitForLoadState();
			const link = (await list.locator('main a[href*="/join/"]').first().textContent())!.trim();
			const manageUrl = list.url().replace(/\?.*$/, '');
			await checked(ar, manageUrl, 'ar-cohort-manage-mobile');

			const learnerCtx = await contextAs(learner, { width: 360, height: 740 });
			const join = await checked(learnerCtx, link, 'ar-join-mobile');
			await join.getByRole('button', { name: 'الانضمام إلى الفوج' }).click();
			await join.waitForURL(/\/ar\/courses\/participatory-governance$/);
			finishLessons(db, { userId: learner, courseId, leave: 2 });

			const board = manageUrl.replace(/\/manage$/, '');
			const arBoard = await checked(ar, board, 'ar-cohort-dashboard-mobile');
			expect(await arBoard.textContent('main')).toContain('أمل بن علي');

			const fr = await contextAs(trainer, { width: 1280, height: 900 });
			const frBoard = await checked(
				fr,
				`${board.replace('/ar/', '/fr/')}?sort=progress&filter=all`,
				'fr-cohort-dashboard-desktop'
			);
			expect(await frBoard.textContent('main')).toContain('Inscrits');
			await checked(fr, manageUrl.replace('/ar/', '/fr/'), 'fr-cohort-manage-desktop');
			await checked(fr, `${server.url}/fr/trainer/cohorts`, 'fr-cohorts-desktop');
		}
	);
});
