import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, describeBrowser, launchBrowser, screenshot } from '../helpers/browser.ts';
import { listenTestApp, type TestApp } from '../helpers/app.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { createUser } from '../../src/lib/server/accounts/users.ts';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import { createStudioCourse } from '../../src/lib/server/studio/create-course.ts';
import { grantStudioRole } from '../../src/lib/server/studio/roles.ts';
import { draftText } from '../../src/lib/server/studio/draft-files.ts';
import { courseIdOf } from '../integration/access/staff.ts';

// The lesson editor with JavaScript: CodeMirror with per-line direction over the textarea,
// autosave, and two people on one lesson. Without JavaScript: tests/e2e/studio.test.ts.
let h: TestApp;
let url: string;
let browser: Browser;
let db: Db;
const SLUG = 'bidi-editor';
const FILE = '01-introduction/01-welcome.ar.md';
const LESSON = (l: string) => `/${l}/studio/${SLUG}/introduction/welcome/ar`;

// An Arabic lesson with Latin words, numbers (2018, 12,5 %), punctuation at line ends, a
// Latin-only line.
const MIXED = [
	'## الميزانية التشاركية',
	'اعتمدت البلدية منصّة Tamkeen منذ 2018.',
	'بلغت نسبة المشاركة 12,5 % من السكان،',
	'The participatory budget is voted in June.',
	'هل تمّ نشر المحضر؟'
];

const account = async (email: string) =>
	(
		await createUser(db, {
			email,
			name: email.split('@')[0]!,
			password: 'a long passphrase here',
			locale: 'ar',
			role: 'trainer',
			position: null,
			governorateId: null,
			municipalityId: null,
			gender: null
		})
	).id;

async function pageAs(userId: string, viewport: { width: number; height: number }) {
	const context = await browser.newContext({ viewport });
	context.setDefaultTimeout(30_000);
	const { token } = createSession(db, { userId });
	await context.addCookies([{ name: SESSION_COOKIE, value: token, url }]);
	// Any refusal by the Content-Security-Policy (CodeMirror injects style elements) is kept.
	await context.addInitScript(() => {
		const w = window as unknown as { cspViolations: string[] };
		w.cspViolations = [];
		document.addEventListener('securitypolicyviolation', (e) => {
			w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
		});
	});
	return context.newPage();
}

const cspViolations = (page: Page) =>
	page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** The editor's caret (or selection) as offsets in the text, read from the DOM selection. */
async function editorSelection(page: Page) {
	return page.evaluate(() => {
		const lines = [...document.querySelectorAll('.cm-content .cm-line')];
		const sel = window.getSelection()!;
		const at = (node: Node, offset: number) => {
			const line = lines.findIndex((l) => l.contains(node));
			const r = document.createRange();
			r.setStart(lines[line]!, 0);
			r.setEnd(node, offset);
			const before = lines.slice(0, line).reduce((n, l) => n + l.textContent.length + 1, 0);
			return before + r.toString().length;
		};
		const a = at(sel.anchorNode!, sel.anchorOffset);
		const f = at(sel.focusNode!, sel.focusOffset);
		return { anchor: a, head: f };
	});
}

/** The textarea's selection as the same offsets. */
const areaSelection = (page: Page) =>
	page.evaluate(() => {
		const t = document.querySelector<HTMLTextAreaElement>('#body')!;
		const back = t.selectionDirection === 'backward';
		return {
			anchor: back ? t.selectionEnd : t.selectionStart,
			head: back ? t.selectionStart : t.selectionEnd
		};
	});

const lineStart = (n: number) => MIXED.slice(0, n).reduce((s, l) => s + l.length + 1, 0);

describeBrowser('the lesson editor with JavaScript', () => {
	let hela: string;
	let sami: string;
	beforeAll(async () => {
		({ h, url } = await listenTestApp());
		db = h.t.db;
		hela = await account('hela@example.tn');
		sami = await account('sami@example.tn');
		createStudioCourse(db, {
			actorId: hela,
			slug: SLUG,
			source: 'ar',
			titles: { ar: 'تحرير ثنائي الاتجاه', fr: 'Édition bidirectionnelle', en: 'Bidi editing' }
		});
		grantStudioRole(db, {
			actorId: hela,
			courseId: courseIdOf(db, SLUG),
			email: 'sami@example.tn',
			role: 'editor',
			languages: []
		});
		browser = await launchBrowser();
		return async () => {
			await browser.close();
			await h.close();
		};
	});

	it(
		'types and edits mixed Arabic/Latin text in CodeMirror at 360 px; autosave and the form save exactly what was typed',
		{ timeout: 240_000 },
		async () => {
			const page = await pageAs(hela, { width: 360, height: 740 });
			expect((await page.goto(`${url}${LESSON('ar')}`))?.status()).toBe(200);
			const editor = page.locator('.cm-content');
			await editor.waitFor();
			expect(await page.locator('#body').isHidden()).toBe(true);
			await editor.click();
			await page.keyboard.press('Control+a');
			await page.keyboard.press('Delete');
			await page.keyboard.type(MIXED.join('\n'));
			// Each line takes its own direction: Arabic lines right to left, the Latin one left to right.
			const dirs = await page
				.locator('.cm-line')
				.evaluateAll((ls) => ls.map((l) => getComputedStyle(l).direction));
			expect(dirs).toEqual(['rtl', 'rtl', 'rtl', 'ltr', 'rtl']);
			// Typing at the end of a line that ends in punctuation, and at the start of another
			// (End goes to the end of the row on screen: the long lines wrap at 360 px).
			await page.keyboard.press('Control+End');
			await page.keyboard.type(' نعم.');
			await page.keyboard.press('Control+Home');
			await page.keyboard.press('ArrowDown');
			await page.keyboard.press('Home');
			await page.keyboard.type('- ');
			// A selection made with shift+arrows over the Latin word, replaced.
			await page.keyboard.press('Control+End');
			await page.keyboard.press('ArrowUp');
			await page.keyboard.press('End');
			for (const key of Array<string>('June.'.length).fill('Shift+ArrowLeft'))
				await page.keyboard.press(key);
			await page.keyboard.type('July.');
			const expected = [
				MIXED[0],
				`- ${MIXED[1]}`,
				MIXED[2],
				'The participatory budget is voted in July.',
				`${MIXED[4]} نعم.`
			].join('\n');
			expect(await page.locator('#body').inputValue()).toBe(expected);
			await page.getByText(/^حُفظ على الساعة /).waitFor();
			expect(draftText(db, courseIdOf(db, SLUG), FILE)!.endsWith(`---\n${expected}`)).toBe(true);
			await screenshot(page, 'studio-editor-ar-360-codemirror');

			// The toolbar writes into the editor at the cursor; the form posts the editor's text.
			await page.keyboard.press('Control+Home');
			await page.getByRole('button', { name: 'ملاحظة' }).click();
			await page.getByRole('button', { name: 'الحفظ في المسودة' }).click();
			await page.getByText('تمّ الحفظ في المسودة.').waitFor();
			const saved = draftText(db, courseIdOf(db, SLUG), FILE)!;
			expect(saved).toMatch(/---\n> \[!NOTE\]\n> …\n## الميزانية التشاركية\n/);
			expect(saved.endsWith(`\n${expected}`)).toBe(true);
			await page.locator('.cm-content').waitFor();
			expect(await cspViolations(page)).toEqual([]);
			expect(await axeViolations(page)).toEqual([]);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				360
			);
			await page.context().close();
		}
	);

	it(
		'two people on one lesson in French at 1280 px: the second autosave is refused, their text stays beside the other version, and saving it is the merge',
		{ timeout: 240_000 },
		async () => {
			const a = await pageAs(hela, { width: 1280, height: 900 });
			const b = await pageAs(sami, { width: 1280, height: 900 });
			for (const p of [a, b]) {
				expect((await p.goto(`${url}${LESSON('fr')}`))?.status()).toBe(200);
				await p.locator('.cm-content').waitFor();
			}
			await a.locator('.cm-content').click();
			await a.keyboard.press('Control+End');
			await a.keyboard.type('\nسطر أضافته هالة.');
			await a.getByText(/^Enregistré à /).waitFor();

			await b.locator('.cm-content').click();
			await b.keyboard.press('Control+End');
			await b.keyboard.type('\nسطر كتبه سامي في 2018.');
			await b.getByText(/^Non enregistré\s: une autre personne/).waitFor();
			const mine = await b.locator('#body').inputValue();
			expect(mine.endsWith('\nسطر كتبه سامي في 2018.')).toBe(true);
			await expect
				.poll(() => b.locator('[data-theirs]').textContent())
				.toContain('سطر أضافته هالة.');
			expect(draftText(db, courseIdOf(db, SLUG), FILE)).not.toContain('سامي');
			await screenshot(b, 'studio-editor-fr-1280-conflict');
			expect(await axeViolations(b)).toEqual([]);
			// Typing on does not autosave over Hela's version; the form save does, having seen it.
			await b.keyboard.type(' + هالة');
			await b.getByRole('button', { name: 'Enregistrer dans le brouillon' }).click();
			await b.getByText('Enregistré dans le brouillon.').waitFor();
			const saved = draftText(db, courseIdOf(db, SLUG), FILE)!;
			expect(saved.endsWith('\nسطر كتبه سامي في 2018. + هالة')).toBe(true);
			expect(await cspViolations(b)).toEqual([]);
			await screenshot(b, 'studio-editor-fr-1280-merged');
			await a.context().close();
			await b.context().close();
		}
	);

	it(
		'compares CodeMirror with the plain textarea on mixed lines (arrows, Home/End, shift+arrows)',
		{ timeout: 240_000 },
		async () => {
			const page = await pageAs(hela, { width: 1280, height: 900 });
			const noJs = await browser.newContext({
				viewport: { width: 1280, height: 900 },
				javaScriptEnabled: false
			});
			const { token } = createSession(db, { userId: hela });
			await noJs.addCookies([{ name: SESSION_COOKIE, value: token, url }]);
			const plain = await noJs.newPage();
			for (const p of [page, plain]) await p.goto(`${url}${LESSON('ar')}`);
			await page.locator('.cm-content').click();
			await page.keyboard.press('Control+a');
			await page.keyboard.type(MIXED.join('\n'));
			await plain.locator('#body').fill(MIXED.join('\n'));

			type Probe = { line: number; at: number; keys: string[] };
			const probes: Record<string, Probe> = {
				'arabic line with Latin word: ArrowLeft x12 from the start of "Tamkeen"': {
					line: 1,
					at: MIXED[1]!.indexOf('Tamkeen') - 1,
					keys: Array<string>(12).fill('ArrowLeft')
				},
				'numbers 12,5 %: ArrowLeft x9 from before "12,5"': {
					line: 2,
					at: MIXED[2]!.indexOf('12,5') - 1,
					keys: Array<string>(9).fill('ArrowLeft')
				},
				'Home then End on the Arabic line ending in "2018."': {
					line: 1,
					at: 5,
					keys: ['Home', 'End']
				},
				'Shift+ArrowLeft x10 from before "Tamkeen"': {
					line: 1,
					at: MIXED[1]!.indexOf('Tamkeen') - 1,
					keys: Array<string>(10).fill('Shift+ArrowLeft')
				},
				'Latin-only line: Home, End, ArrowLeft x3': {
					line: 3,
					at: 10,
					keys: ['Home', 'End', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft']
				},
				'Arabic line ending in "؟": End then ArrowRight x2': {
					line: 4,
					at: 2,
					keys: ['End', 'ArrowRight', 'ArrowRight']
				}
			};
			const text = MIXED.join('\n');
			const report: Record<string, unknown> = {};
			for (const [name, probe] of Object.entries(probes)) {
				const start = lineStart(probe.line) + probe.at;
				const runs: Record<string, string[]> = {};
				for (const [kind, p] of [
					['codemirror', page],
					['textarea', plain]
				] as const) {
					if (kind === 'textarea') {
						await p.locator('#body').focus();
						await p.evaluate((s) => {
							document.querySelector<HTMLTextAreaElement>('#body')!.setSelectionRange(s, s);
						}, start);
					} else {
						await p.locator('.cm-content').focus();
						await p.evaluate(
							({ line, at }) => {
								const l = document.querySelectorAll('.cm-content .cm-line')[line]!;
								const walker = document.createTreeWalker(l, NodeFilter.SHOW_TEXT);
								let left = at;
								for (let n = walker.nextNode(); n; n = walker.nextNode()) {
									const len = n.textContent!.length;
									if (left <= len) {
										window.getSelection()!.collapse(n, left);
										return;
									}
									left -= len;
								}
							},
							{ line: probe.line, at: probe.at }
						);
						await p.waitForTimeout(50);
					}
					const seen: string[] = [];
					for (const key of probe.keys) {
						await p.keyboard.press(key);
						const s = kind === 'textarea' ? await areaSelection(p) : await editorSelection(p);
						const lo = Math.min(s.anchor, s.head);
						const hi = Math.max(s.anchor, s.head);
						const col = s.head - lineStart(probe.line);
						seen.push(lo === hi ? `${col}` : `${col}[${text.slice(lo, hi)}]`);
					}
					runs[kind] = seen;
				}
				report[name] = { start: probe.at, ...runs };
			}
			const out = path.resolve('tests/artifacts/studio-editor-bidi-comparison.json');
			fs.mkdirSync(path.dirname(out), { recursive: true });
			fs.writeFileSync(out, JSON.stringify(report, null, 1));
			console.log(JSON.stringify(report, null, 1));
			await page.context().close();
			await noJs.close();
		}
	);
});
