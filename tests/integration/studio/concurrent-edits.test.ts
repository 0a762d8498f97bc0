import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { ORIGIN, postForm } from '../../helpers/forms.ts';
import { courseIdOf, signedIn } from '../access/staff.ts';
import { auditLog } from '../../../src/lib/server/db/schema/index.ts';
import { createStudioCourse } from '../../../src/lib/server/studio/create-course.ts';
import { grantStudioRole } from '../../../src/lib/server/studio/roles.ts';
import { draftText, sha256 } from '../../../src/lib/server/studio/draft-files.ts';
import { saveLesson } from '../../../src/lib/server/studio/save-lesson.ts';
import { NO_FILE } from '../../../src/lib/server/studio/lesson-draft.ts';
import { DomainError } from '../../../src/lib/server/errors.ts';

// Two people on one lesson: optimistic locking on the file's hash, through the form (as without
// JavaScript) and through the autosave endpoint. Whoever saves second is refused and keeps
// what they typed, shown beside the version saved meanwhile.
let h: TestApp;
type S = Awaited<ReturnType<typeof signedIn>>;
let hela: S, sami: S, translator: S, other: S;
const SLUG = 'two-editors';
const LESSON = `/fr/studio/${SLUG}/introduction/welcome`;
const AR_FILE = '01-introduction/01-welcome.ar.md';
const FR_FILE = '01-introduction/01-welcome.fr.md';
const courseId = () => courseIdOf(h.t.db, SLUG);
const page = (url: string, cookie: string) =>
	h.app.inject({ url, headers: { accept: 'text/html', cookie } });
const hashIn = (html: string) => /name="hash" value="([^"]*)"/.exec(html)?.[1];
const put = (url: string, cookie: string, body: unknown, type = 'application/json') =>
	h.app.inject({
		method: 'PUT',
		url,
		headers: { 'content-type': type, accept: 'application/json', origin: ORIGIN, cookie },
		payload: typeof body === 'string' ? body : JSON.stringify(body)
	});

beforeAll(async () => {
	h = await buildTestApp({ kit: true });
	hela = await signedIn(h.app, h.t.db, 'hela@example.tn', 'trainer');
	sami = await signedIn(h.app, h.t.db, 'sami@example.tn', 'trainer');
	translator = await signedIn(h.app, h.t.db, 'rim@example.tn', 'trainer');
	other = await signedIn(h.app, h.t.db, 'other@example.tn', 'trainer');
	createStudioCourse(h.t.db, {
		actorId: hela.id,
		slug: SLUG,
		source: 'ar',
		titles: { ar: 'محرّران', fr: 'Deux rédacteurs', en: 'Two editors' }
	});
	const grant = (email: string, role: 'editor' | 'translator', languages: ('fr' | 'ar')[]) => {
		grantStudioRole(h.t.db, { actorId: hela.id, courseId: courseId(), email, role, languages });
	};
	grant('sami@example.tn', 'editor', []);
	grant('rim@example.tn', 'translator', ['fr']);
});
afterAll(() => h.close());

describe('two people editing one lesson, without JavaScript', () => {
	it('refuses the second save, keeps its text on screen beside the first one, and saves the merge', async () => {
		const a = await page(`${LESSON}/ar`, hela.cookie);
		const b = await page(`${LESSON}/ar`, sami.cookie);
		const loaded = hashIn(a.body)!;
		expect(loaded).toBe(sha256(draftText(h.t.db, courseId(), AR_FILE)!));
		expect(hashIn(b.body)).toBe(loaded);

		const first = await postForm(
			h.app,
			`${LESSON}/ar?/save`,
			{ hash: loaded, title: 'مرحبا', minutes: '5', body: 'نص هالة مع Tamkeen 2.0.\n' },
			hela.cookie
		);
		expect(first.statusCode).toBe(200);
		const afterFirst = hashIn(first.body)!;
		expect(afterFirst).toBe(sha256(draftText(h.t.db, courseId(), AR_FILE)!));

		const typed = 'نص سامي: الميزانية 12,5 % سنة 2018.\nLatin line only.\n';
		const second = await postForm(
			h.app,
			`${LESSON}/ar?/save`,
			{ hash: loaded, title: 'عنوان سامي', minutes: '6', body: typed },
			sami.cookie
		);
		expect(second.statusCode).toBe(409);
		expect(second.body).toContain('après que vous l’avez ouverte');
		// What Sami typed is back in the editor; Hela's version is shown beside it.
		expect(second.body).toContain(`>${typed}</textarea>`);
		expect(second.body).toContain('value="عنوان سامي"');
		expect(second.body).toMatch(/data-theirs[^>]*>نص هالة مع Tamkeen 2\.0\.\n<\/pre>/);
		expect(draftText(h.t.db, courseId(), AR_FILE)).toContain('نص هالة');
		// The form now carries Hela's hash: saving again, having seen it, is the merge.
		expect(hashIn(second.body)).toBe(afterFirst);
		const merged = 'نص هالة مع Tamkeen 2.0.\n' + typed;
		const again = await postForm(
			h.app,
			`${LESSON}/ar?/save`,
			{ hash: afterFirst, title: 'عنوان سامي', minutes: '6', body: merged },
			sami.cookie
		);
		expect(again.statusCode).toBe(200);
		expect(draftText(h.t.db, courseId(), AR_FILE)!.endsWith(`---\n${merged}`)).toBe(true);
		const saves = h.t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'studio.draft.save'), eq(auditLog.actorId, sami.id)))
			.all();
		expect(saves).toHaveLength(1);
	});

	it('treats a save without the loaded hash as a conflict: nothing overwritten, the text kept', async () => {
		const before = draftText(h.t.db, courseId(), AR_FILE);
		const typed = 'نص بلا بصمة.\n';
		const blind = await postForm(
			h.app,
			`${LESSON}/ar?/save`,
			{ title: 'عنوان', minutes: '5', body: typed },
			sami.cookie
		);
		expect(blind.statusCode).toBe(409);
		expect(blind.body).toContain(`>${typed}</textarea>`);
		expect(hashIn(blind.body)).toBe(sha256(before!));
		expect(draftText(h.t.db, courseId(), AR_FILE)).toBe(before);
	});

	it('keeps the hash as loaded through a preview, so a save after it still sees the other save', async () => {
		const loaded = hashIn((await page(`${LESSON}/ar`, hela.cookie)).body)!;
		const preview = await postForm(
			h.app,
			`${LESSON}/ar?/preview`,
			{ hash: loaded, title: 'ع', minutes: '5', body: 'معاينة' },
			hela.cookie
		);
		await postForm(
			h.app,
			`${LESSON}/ar?/save`,
			{ hash: loaded, title: 'ع', minutes: '5', body: 'سامي أوّلًا' },
			sami.cookie
		);
		expect(hashIn(preview.body)).toBe(loaded);
		const late = await postForm(
			h.app,
			`${LESSON}/ar?/save`,
			{ hash: hashIn(preview.body)!, title: 'ع', minutes: '5', body: 'هالة بعد المعاينة' },
			hela.cookie
		);
		expect(late.statusCode).toBe(409);
		expect(late.body).toContain('هالة بعد المعاينة');
	});

	it('refuses a second first translation: both started from no file', async () => {
		const fr = await page(`${LESSON}/fr`, translator.cookie);
		expect(hashIn(fr.body)).toBe(NO_FILE);
		const first = await postForm(
			h.app,
			`${LESSON}/fr?/save`,
			{ hash: NO_FILE, title: 'Bienvenue', minutes: '5', body: 'Texte de Rim.\n' },
			translator.cookie
		);
		expect(first.statusCode).toBe(200);
		const second = await postForm(
			h.app,
			`${LESSON}/fr?/save`,
			{ hash: NO_FILE, title: 'Bienvenue', minutes: '5', body: 'Texte de Hela.\n' },
			hela.cookie
		);
		expect(second.statusCode).toBe(409);
		expect(draftText(h.t.db, courseId(), FR_FILE)).toContain('Texte de Rim.');
	});
});

describe('the autosave endpoint', () => {
	const url = `${LESSON}/ar/draft`;

	it('saves through the same rule and audit, and refuses a stale hash with a 409 and their version', async () => {
		const current = (await h.app.inject({ url, headers: { cookie: hela.cookie } })).json<{
			hash: string;
		}>();
		const ok = await put(url, hela.cookie, {
			hash: current.hash,
			title: 'حفظ تلقائي',
			minutes: '4',
			body: 'سطر عربي فيه 2018 وكلمة budget.\n'
		});
		expect(ok.statusCode).toBe(200);
		const saved = ok.json<{ hash: string }>().hash;
		expect(saved).toBe(sha256(draftText(h.t.db, courseId(), AR_FILE)!));
		const audited = h.t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'studio.draft.save'), eq(auditLog.actorId, hela.id)))
			.all();
		expect(audited.at(-1)?.details).toMatchObject({ path: AR_FILE });

		const stale = await put(url, sami.cookie, {
			hash: current.hash,
			title: 'سامي',
			minutes: '4',
			body: 'نص سامي الذي لا يُحفظ'
		});
		expect(stale.statusCode).toBe(409);
		const body = stale.json<{
			error: string;
			message: string;
			theirs: { hash: string; fields: { body: string } };
		}>();
		expect(body.error).toBe('draft_changed');
		expect(body.message).toContain('Une autre personne');
		expect(body.theirs).toEqual({
			hash: saved,
			fields: { title: 'حفظ تلقائي', minutes: '4', body: 'سطر عربي فيه 2018 وكلمة budget.\n' }
		});
		expect(draftText(h.t.db, courseId(), AR_FILE)).not.toContain('نص سامي');
	});

	it('answers a bad field in the page language and refuses forms, other languages and strangers', async () => {
		const { hash } = (await h.app.inject({ url, headers: { cookie: hela.cookie } })).json<{
			hash: string;
		}>();
		const bad = await put(url, hela.cookie, { hash, title: 'ع', minutes: 'dix', body: 'x' });
		expect(bad.statusCode).toBe(400);
		expect(bad.json<{ message: string }>().message).toContain('nombre entier de minutes');
		const missing = await put(url, hela.cookie, { title: 'ع' });
		expect(missing.statusCode).toBe(400);
		const form = await put(url, hela.cookie, 'hash=x&title=y', 'application/x-www-form-urlencoded');
		expect([403, 415]).toContain(form.statusCode);
		const wrongLanguage = await put(url, translator.cookie, {
			hash,
			title: 'x',
			minutes: '5',
			body: 'x'
		});
		expect(wrongLanguage.statusCode).toBe(403);
		const stranger = await put(url, other.cookie, { hash, title: 'x', minutes: '5', body: 'x' });
		expect(stranger.statusCode).toBe(404);
		expect(draftText(h.t.db, courseId(), AR_FILE)).not.toContain('\nx');
	});
});

describe('saveLesson', () => {
	it('checks the hash inside its write: a stale one throws draft_changed and writes nothing', () => {
		const before = draftText(h.t.db, courseId(), AR_FILE);
		expect(() =>
			saveLesson(h.t.db, {
				actorId: hela.id,
				courseId: courseId(),
				path: AR_FILE,
				fields: { title: 'ع', minutes: '5', body: 'لا' },
				expectedHash: sha256('not this file')
			})
		).toThrow(new DomainError('draft_changed', 'body'));
		expect(draftText(h.t.db, courseId(), AR_FILE)).toBe(before);
	});
});
