// The item analysis page and its downloads over real HTTP, on a course imported from files and
// attempts taken through the quiz domain: who may open it, what it shows, what the files hold.
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import {
	axeViolations,
	describeBrowser,
	launchBrowser,
	screenshot
} from '../../helpers/browser.ts';
import { importCourse } from '../../../src/lib/server/courses/import/import-courses.ts';
import { quiz } from '../../../src/lib/server/db/schema/index.ts';
import {
	saveAnswer,
	startAttempt,
	submitAttempt
} from '../../../src/lib/server/quiz/attempts/index.ts';
import { courseIdOf, signedIn } from '../access/staff.ts';
import { ISSUER, addUser, enrolIn, minutes, rightResponse } from './fixture.ts';

let h: TestApp;
let admin: { id: string; cookie: string };
let stranger: { id: string; cookie: string };
let quizSlug: string;
const BASE = '/fr/courses/local-budgets/analysis';
const get = (url: string, cookie: string) => h.app.inject({ url, headers: { cookie } });

beforeAll(async () => {
	h = await buildTestApp({ kit: true, courses: false });
	expect(importCourse(h.t.db, { dir: 'tests/fixtures/courses/valid/local-budgets' }).status).toBe(
		'created'
	);
	admin = await signedIn(h.app, h.t.db, 'admin@example.tn', 'admin');
	stranger = await signedIn(h.app, h.t.db, 'stranger@example.tn', 'trainer');
	const courseId = courseIdOf(h.t.db, 'local-budgets');
	const row = h.t.db
		.select({ id: quiz.id, slug: quiz.slug })
		.from(quiz)
		.where(and(eq(quiz.courseId, courseId), eq(quiz.slug, 'basics')))
		.get()!;
	quizSlug = row.slug;
	// Three learners answer everything right, one answers nothing: a spread to analyse.
	for (let n = 0; n < 4; n++) {
		const userId = addUser(h.t.db);
		enrolIn(h.t.db, userId, courseId);
		const attempt = startAttempt(h.t.db, {
			issuer: ISSUER,
			userId,
			quizId: row.id,
			locale: 'fr',
			now: minutes(n * 10)
		});
		if (n < 3) {
			for (const { question } of attempt.questions) {
				if (question.type === 'description' || question.type === 'essay') continue;
				saveAnswer(h.t.db, {
					issuer: ISSUER,
					attemptId: attempt.id,
					userId,
					questionId: question.id,
					response: rightResponse(question, 'fr'),
					now: minutes(n * 10 + 1)
				});
			}
		}
		submitAttempt(h.t.db, {
			issuer: ISSUER,
			attemptId: attempt.id,
			userId,
			now: minutes(n * 10 + 2)
		});
	}
});
afterAll(async () => {
	await h.close();
});

describe('item analysis page', () => {
	it('is closed to a trainer who does not run the course, open to admins', async () => {
		expect((await get(`${BASE}?quiz=${quizSlug}`, stranger.cookie)).statusCode).toBe(403);
		const page = await get(`${BASE}?quiz=${quizSlug}`, admin.cookie);
		expect(page.statusCode).toBe(200);
		expect(page.body).toContain('Analyse des questions');
		// Four first attempts; three perfect and one empty: a mean of 75 %.
		const text = page.body.replace(/<!--.*?-->/g, '').replace(/\s+/g, ' ');
		expect(text).toMatch(/Tentatives<\/dt> ?<dd[^>]*>4<\/dd>/);
		expect(text).toMatch(/Moyenne<\/dt> ?<dd[^>]*>75\s?%<\/dd>/);
		expect(text).toContain('Vrai');
		expect(page.body).not.toContain('kit.start');
		expect(page.body).toContain('<svg');
	});

	it('lists the quizzes to choose from when none is chosen', async () => {
		const page = await get(BASE, admin.cookie);
		expect(page.statusCode).toBe(200);
		expect(page.body).toContain(`?quiz=${quizSlug}`);
		expect(page.body).not.toContain('<svg');
	});

	it('downloads the table as CSV with a byte-order mark, one row per question', async () => {
		const res = await get(`${BASE}/export?quiz=${quizSlug}&format=csv`, admin.cookie);
		expect(res.statusCode).toBe(200);
		expect(res.headers['content-type']).toContain('text/csv');
		expect(res.headers['content-disposition']).toMatch(
			/local-budgets-basics-analysis-\d{4}-\d{2}-\d{2}\.csv/
		);
		expect(res.body.startsWith('\uFEFFQuestion,Type,Tentatives')).toBe(true);
		const lines = res.body.trim().split('\r\n');
		expect(lines.length).toBeGreaterThan(2);
		// Every item: 3 of 4 right = 75 % facility.
		for (const line of lines.slice(1)) expect(line).toMatch(/,4,75,/);
	});

	it('downloads XLSX that a spreadsheet reader opens, right to left in Arabic', async () => {
		const res = await h.app.inject({
			url: `/ar/courses/local-budgets/analysis/export?quiz=${quizSlug}&format=xlsx`,
			headers: { cookie: admin.cookie }
		});
		expect(res.statusCode).toBe(200);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(new Uint8Array(res.rawPayload).buffer);
		const sheet = book.worksheets[0]!;
		expect(sheet.views[0]?.rightToLeft).toBe(true);
		expect(sheet.getRow(1).getCell(1).value).toBe('السؤال');
		expect(sheet.getRow(2).getCell(3).value).toBe(4);
	});

	it('answers a missing format with a 400 in the reader’s language, not a 500', async () => {
		const res = await get(`${BASE}/export?quiz=${quizSlug}`, admin.cookie);
		expect(res.statusCode).toBe(400);
		expect((await get(`${BASE}/export?quiz=nope&format=csv`, admin.cookie)).statusCode).toBe(400);
	});
});

describeBrowser('item analysis page in a browser', () => {
	it('passes axe in Arabic at 360 px and in French at 1280 px', async () => {
		const origin = await h.app.listen({ port: 0, host: '127.0.0.1' });
		const browser = await launchBrowser();
		try {
			for (const [locale, width] of [
				['ar', 360],
				['fr', 1280]
			] as const) {
				const context = await browser.newContext({ viewport: { width, height: 800 } });
				await context.addCookies(
					admin.cookie.split('; ').map((pair) => {
						const at = pair.indexOf('=');
						return { name: pair.slice(0, at), value: pair.slice(at + 1), url: origin };
					})
				);
				const page = await context.newPage();
				await page.goto(`${origin}/${locale}/courses/local-budgets/analysis?quiz=${quizSlug}`);
				expect(await page.locator('h1').textContent()).toBe(
					locale === 'ar' ? 'تحليل الأسئلة' : 'Analyse des questions'
				);
				expect(await axeViolations(page)).toEqual([]);
				await screenshot(page, `item-analysis-${locale}-${String(width)}`);
				await context.close();
			}
		} finally {
			await browser.close();
		}
	});
});
