// Worksheets and the facilitator guide in Chromium: Arabic at 360 px, then printed on A4.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
	axeViolations,
	describeBrowser,
	launchBrowser,
	registerInBrowser,
	screenshot
} from '../helpers/browser.ts';
import { copyValidCourse, type CourseCopy } from '../helpers/course-fixture.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

const MOBILE = { width: 360, height: 740 };
const COURSE = '/ar/courses/local-budgets';

const WORKSHEET_AR = `---
title: شبكة أصحاب المصلحة
purpose: تحديد الأطراف المعنية بالمشروع وتقدير اهتمامها وتأثيرها قبل التشاور.
---

## 1. الأطراف

| الطرف | اهتمامه بالمشروع (ضعيف / قوي) | تأثيره (ضعيف / قوي) | طريقة إشراكه |
| --- | --- | --- | --- |
| | | | |
| | | | |
| | | | |

## 2. الأولويات

| الأولوية | من يقترحها | ملاحظات |
| --- | --- | --- |
| | | |
| | | |
`;

const GUIDE_AR = `---
title: دليل التنشيط — قراءة ميزانية البلدية
---

## الحصة 1: أبواب الميزانية (90 دقيقة)

**الأهداف:** يميّز المشاركون بين العنوان الأول والعنوان الثاني.

| الوقت | النشاط | المواد |
| --- | --- | --- |
| 15 د | تعارف وتوقعات | بطاقات |
| 30 د | عرض: العنوانان | الدرس 1 |
| 45 د | عمل في مجموعات على شبكة أصحاب المصلحة | ورقة العمل 1 (نسخة لكل مجموعة) |

### أسئلة للنقاش

1. ما النفقات التي تراها في حيّك؟
2. من يقرّر أولويات الاستثمار؟
`;

let server: RunningServer;
let browser: Browser;
let copy: CourseCopy;

beforeAll(async () => {
	copy = copyValidCourse();
	copy.write('worksheets/01-stakeholder-grid.ar.md', WORKSHEET_AR);
	copy.write(
		'worksheets/01-stakeholder-grid.fr.md',
		WORKSHEET_AR.replace('title: شبكة أصحاب المصلحة', 'title: Grille des parties prenantes')
	);
	copy.write('facilitator.ar.md', GUIDE_AR);
	copy.write('facilitator.fr.md', '---\ntitle: Guide d’animation\n---\n\n## Séance 1\n');
	server = await startServer({ env: { COURSES_DIR: copy.catalog } });
	browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
	await browser.close();
	await server.stop();
	copy.remove();
});

/** Prints the page as Chromium would on A4; returns the PDF's page count. */
async function printed(page: Page, name: string): Promise<number> {
	await page.emulateMedia({ media: 'print' });
	await screenshot(page, `${name}-print`);
	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	fs.mkdirSync(path.resolve('tests/artifacts'), { recursive: true });
	fs.writeFileSync(path.resolve(`tests/artifacts/${name}.pdf`), pdf);
	await page.emulateMedia({ media: 'screen' });
	return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

describeBrowser('printable pages', () => {
	it('a worksheet and the facilitator guide read well in Arabic at 360 px and print on A4 without navigation', async () => {
		const context = await browser.newContext({ viewport: MOBILE });
		const page = await context.newPage();
		await registerInBrowser(page, server.url, {
			lang: 'ar',
			email: 'trainer@example.tn',
			password: 'a long passphrase',
			name: 'سلمى المدرّبة'
		});
		// Staff read worksheets without enrolling; the guide is for trainers and admins.
		const db = new Database(server.dbFile);
		db.prepare("update user set role = 'admin' where email = ?").run('trainer@example.tn');
		db.close();

		await page.goto(`${server.url}${COURSE}/worksheets/stakeholder-grid`);
		expect(await page.locator('h1').textContent()).toBe('شبكة أصحاب المصلحة');
		expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
		expect(await axeViolations(page)).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			MOBILE.width
		);
		await screenshot(page, 'worksheet-ar-360');
		expect(await printed(page, 'worksheet-ar')).toBeGreaterThanOrEqual(1);
		await page.emulateMedia({ media: 'print' });
		const inPrint = await page.evaluate(() => ({
			header: getComputedStyle(document.querySelector('header')!).display,
			border: getComputedStyle(document.querySelector('td')!).borderTopStyle,
			cell: document.querySelector('td')!.getBoundingClientRect().height
		}));
		expect(inPrint.header).toBe('none');
		expect(inPrint.border).toBe('solid');
		// Room to write by hand: 1.6 cm is about 60 CSS px.
		expect(inPrint.cell).toBeGreaterThan(50);
		await page.emulateMedia({ media: 'screen' });

		await page.goto(`${server.url}${COURSE}/facilitator`);
		expect(await page.locator('h1').textContent()).toBe('دليل التنشيط — قراءة ميزانية البلدية');
		expect(await axeViolations(page)).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			MOBILE.width
		);
		await screenshot(page, 'facilitator-ar-360');
		expect(await printed(page, 'facilitator-ar')).toBeGreaterThanOrEqual(1);

		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(`${server.url}/fr/courses/local-budgets/worksheets/stakeholder-grid`);
		await screenshot(page, 'worksheet-fr-1280');
		await context.close();
	}, 120_000);
});
