import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { postForm } from '../../helpers/forms.ts';
import { courseIdOf, signedIn } from '../access/staff.ts';
import { auditLog, courseRole } from '../../../src/lib/server/db/schema/index.ts';
import { draftText } from '../../../src/lib/server/studio/draft-files.ts';

// The studio through real HTTP forms, as a browser without JavaScript sends them.
let h: TestApp;
type S = Awaited<ReturnType<typeof signedIn>>;
let owner: S, other: S, translator: S, learner: S, admin: S;
const SLUG = 'budget-basics';
const BASE = `/fr/studio/${SLUG}`;
const LESSON = `${BASE}/introduction/welcome`;
const AR_FILE = '01-introduction/01-welcome.ar.md';
const get = (url: string, cookie = '') =>
	h.app.inject({ url, headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });
const courseId = () => courseIdOf(h.t.db, SLUG);
/** The file's hash as the editor loads it: a save must carry it (optimistic locking). */
const loaded = async (lang: string, cookie: string) =>
	/name="hash" value="([^"]*)"/.exec((await get(`${LESSON}/${lang}`, cookie)).body)?.[1] ?? '';

beforeAll(async () => {
	h = await buildTestApp({ kit: true });
	owner = await signedIn(h.app, h.t.db, 'owner@example.tn', 'trainer');
	other = await signedIn(h.app, h.t.db, 'other@example.tn', 'trainer');
	translator = await signedIn(h.app, h.t.db, 'translator@example.tn', 'trainer');
	learner = await signedIn(h.app, h.t.db, 'learner@example.tn', 'learner');
	admin = await signedIn(h.app, h.t.db, 'admin@example.tn', 'admin');
});
afterAll(() => h.close());

describe('studio pages, without JavaScript', () => {
	it('refuses a badly formed short name with a message in the page language, keeping the titles', async () => {
		const res = await postForm(
			h.app,
			'/ar/studio?/create',
			{
				slug: 'Budget Basics',
				source: 'ar',
				title_ar: 'أساسيات',
				title_fr: 'Bases',
				title_en: 'Basics'
			},
			owner.cookie
		);
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('حروفًا لاتينية صغيرة');
		expect(res.body).toContain('value="أساسيات"');
	});

	it('creates a course whose creator becomes its owner', async () => {
		const res = await postForm(
			h.app,
			'/ar/studio?/create',
			{
				slug: SLUG,
				source: 'ar',
				title_ar: 'أساسيات الميزانية',
				title_fr: 'Bases du budget',
				title_en: 'Budget basics'
			},
			owner.cookie
		);
		expect(res.statusCode).toBe(303);
		expect(res.headers.location).toBe(`/ar/studio/${SLUG}`);
		const roles = h.t.db.select().from(courseRole).where(eq(courseRole.courseId, courseId())).all();
		expect(roles.map((r) => [r.userId, r.role])).toEqual([[owner.id, 'owner']]);
		const home = await get('/fr/studio', owner.cookie);
		expect(home.body).toContain('Bases du budget');
		expect(home.body).toContain('Non publié');
		const again = await postForm(
			h.app,
			'/fr/studio?/create',
			{ slug: SLUG, source: 'fr', title_ar: 'أ', title_fr: 'B', title_en: 'C' },
			owner.cookie
		);
		expect(again.statusCode).toBe(409);
	});

	it('hides the course from a trainer without a role and refuses their forms', async () => {
		expect((await get(BASE, other.cookie)).statusCode).toBe(404);
		expect((await get(`${LESSON}/ar`, other.cookie)).statusCode).toBe(404);
		const save = await postForm(
			h.app,
			`${LESSON}/ar?/save`,
			{ title: 'x', minutes: '5', body: 'pirate' },
			other.cookie
		);
		expect(save.statusCode).toBe(404);
		expect((await get('/fr/studio', learner.cookie)).statusCode).toBe(403);
		expect(draftText(h.t.db, courseId(), AR_FILE)).not.toContain('pirate');
	});

	it('previews with the reader renderer without saving, and inserts a dated STATUS box', async () => {
		const before = draftText(h.t.db, courseId(), AR_FILE);
		const body = '## عنوان\n\n> [!TIP]\n> نص Tamkeen 2.0\n\n<script>alert(1)</script>\n';
		const res = await postForm(
			h.app,
			`${LESSON}/ar?/preview`,
			{ title: 'د', minutes: '5', body },
			owner.cookie
		);
		expect(res.statusCode).toBe(200);
		expect(res.body).toContain('class="callout callout-tip');
		expect(res.body).not.toContain('<script>alert(1)');
		const ins = await postForm(
			h.app,
			`${LESSON}/ar?/insert`,
			{ title: 'د', minutes: '5', body: 'نص', snippet: 'status' },
			owner.cookie
		);
		expect(ins.body).toMatch(/\[!STATUS \d{4}-\d{2}\]/);
		expect(draftText(h.t.db, courseId(), AR_FILE)).toBe(before);
	});

	it('saves the Markdown as typed (CRLF from the browser stored as LF) and audits who saved what', async () => {
		const typed = 'سطر أول مع SQL 3.0،\nالسطر الثاني ينتهي برقم 42.\n';
		const res = await postForm(
			h.app,
			`${LESSON}/ar?/save`,
			{
				hash: await loaded('ar', owner.cookie),
				title: 'درس مختلط',
				minutes: '7',
				body: typed.replace(/\n/g, '\r\n')
			},
			owner.cookie
		);
		expect(res.statusCode).toBe(200);
		const saved = draftText(h.t.db, courseId(), AR_FILE)!;
		expect(saved.endsWith(`---\n${typed}`)).toBe(true);
		expect(saved).toContain('minutes: 7\n');
		const audit = h.t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'studio.draft.save'), eq(auditLog.actorId, owner.id)))
			.all();
		expect(audit.at(-1)?.details).toMatchObject({ path: AR_FILE });
	});

	it('keeps what was typed on screen when the minutes are wrong', async () => {
		const res = await postForm(
			h.app,
			`${LESSON}/ar?/save`,
			{ hash: await loaded('ar', owner.cookie), title: 'د', minutes: 'dix', body: 'نص لا يضيع' },
			owner.cookie
		);
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('نص لا يضيع');
		expect(res.body).toContain('nombre entier de minutes');
	});

	it('lets the owner give a translator one language, which is all they may write', async () => {
		const grant = new URLSearchParams({ email: 'translator@example.tn', role: 'translator' });
		grant.append('languages', 'fr');
		const res = await h.app.inject({
			method: 'POST',
			url: `${BASE}?/grant`,
			headers: {
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded',
				origin: 'http://localhost',
				cookie: owner.cookie
			},
			payload: grant.toString()
		});
		expect(res.statusCode).toBe(200);
		const fr = await postForm(
			h.app,
			`${LESSON}/fr?/save`,
			{
				hash: await loaded('fr', translator.cookie),
				title: 'Bienvenue',
				minutes: '7',
				body: 'Texte français.\n'
			},
			translator.cookie
		);
		expect(fr.statusCode).toBe(200);
		expect(draftText(h.t.db, courseId(), '01-introduction/01-welcome.fr.md')).toContain('sources:');
		const ar = await postForm(
			h.app,
			`${LESSON}/ar?/save`,
			{ hash: await loaded('ar', translator.cookie), title: 'x', minutes: '5', body: 'x' },
			translator.cookie
		);
		expect(ar.statusCode).toBe(403);
		const pub = await postForm(h.app, `${BASE}?/publish`, { bump: 'patch' }, translator.cookie);
		expect(pub.statusCode).toBe(403);
		expect((await get(BASE, translator.cookie)).body).toContain('à jour');
	});

	it('refuses to publish a draft with errors, naming file and line, then publishes; a learner reads it', async () => {
		const bad = await postForm(
			h.app,
			`${LESSON}/ar?/save`,
			{
				hash: await loaded('ar', owner.cookie),
				title: 'د',
				minutes: '7',
				body: '> [!BOGUS]\n> نص\n'
			},
			owner.cookie
		);
		expect(bad.statusCode).toBe(200);
		const refused = await postForm(h.app, `${BASE}?/publish`, { bump: 'patch' }, owner.cookie);
		expect(refused.statusCode).toBe(422);
		expect(refused.body).toContain(`${AR_FILE}, ligne`);
		await postForm(
			h.app,
			`${LESSON}/ar?/save`,
			{
				hash: await loaded('ar', owner.cookie),
				title: 'درس مختلط',
				minutes: '7',
				body: 'نص الدرس مع Tamkeen 2.0.\n'
			},
			owner.cookie
		);
		const ok = await postForm(h.app, `${BASE}?/publish`, { bump: 'minor' }, owner.cookie);
		expect(ok.statusCode).toBe(200);
		expect(ok.body).toContain('La version 1.0.0 est publiée');
		const read = await get(`/ar/courses/${SLUG}/introduction/welcome`, learner.cookie);
		expect(read.statusCode).toBe(200);
		expect(read.body).toContain('نص الدرس مع Tamkeen 2.0.');
		expect(
			h.t.db.select().from(auditLog).where(eq(auditLog.action, 'studio.publish')).all()
		).toHaveLength(1);
	});

	it('lets an admin read every course in the studio but not publish it', async () => {
		expect((await get('/fr/studio', admin.cookie)).body).toContain('Bases du budget');
		expect(
			(await postForm(h.app, `${BASE}?/publish`, { bump: 'patch' }, admin.cookie)).statusCode
		).toBe(403);
	});

	it('edits the course titles in course.yaml without touching the other lines', async () => {
		const before = draftText(h.t.db, courseId(), 'course.yaml')!;
		const res = await postForm(
			h.app,
			`${BASE}?/titles`,
			{
				file: 'course.yaml',
				title_ar: 'أساسيات الميزانية',
				title_fr: 'Les bases: budget',
				title_en: 'Budget basics'
			},
			owner.cookie
		);
		expect(res.statusCode).toBe(200);
		expect(draftText(h.t.db, courseId(), 'course.yaml')).toBe(
			before.replace('fr: "Bases du budget"', 'fr: "Les bases: budget"')
		);
		const bad = await postForm(
			h.app,
			`${BASE}?/titles`,
			{ file: '../etc/passwd', title_fr: 'x' },
			owner.cookie
		);
		expect(bad.statusCode).toBe(404);
		const move = await postForm(
			h.app,
			`${BASE}?/move`,
			{ item: '01-introduction', direction: 'sideways' },
			owner.cookie
		);
		expect(move.statusCode).toBe(400);
		const stranger = await postForm(
			h.app,
			`${BASE}?/move`,
			{ item: '01-introduction', direction: 'up' },
			translator.cookie
		);
		expect(stranger.statusCode).toBe(403);
	});
});
