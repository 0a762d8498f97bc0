import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { postForm } from '../../helpers/forms.ts';
import { courseIdOf, signedIn } from '../access/staff.ts';
import { auditLog, studioComment } from '../../../src/lib/server/db/schema/index.ts';
import { grantStudioRole } from '../../../src/lib/server/studio/roles.ts';
import { MAX_COMMENT_CHARS } from '../../../src/lib/server/studio/review/comments.ts';

// Reviewers' comments through real HTTP forms, as a browser without JavaScript sends them.
let h: TestApp;
type S = Awaited<ReturnType<typeof signedIn>>;
let owner: S, editor: S, reviewer: S, translator: S, strangerReviewer: S, learner: S;
const SLUG = 'review-basics';
const LESSON = `/fr/studio/${SLUG}/introduction/welcome/ar`;
const COMMENTS = `${LESSON}/comments`;
const get = (url: string, cookie = '') =>
	h.app.inject({ url, headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });
const comments = () =>
	h.t.db
		.select()
		.from(studioComment)
		.where(eq(studioComment.courseId, courseIdOf(h.t.db, SLUG)))
		.all();
const idFrom = (location: unknown) => Number(/#comment-(\d+)$/.exec(String(location))?.[1]);

async function createCourse(slug: string, cookie: string) {
	const res = await postForm(
		h.app,
		'/ar/studio?/create',
		{ slug, source: 'ar', title_ar: 'أساسيات', title_fr: 'Bases', title_en: 'Basics' },
		cookie
	);
	expect(res.statusCode).toBe(303);
	return courseIdOf(h.t.db, slug);
}

beforeAll(async () => {
	h = await buildTestApp({ kit: true });
	owner = await signedIn(h.app, h.t.db, 'owner@example.tn', 'trainer');
	editor = await signedIn(h.app, h.t.db, 'editor@example.tn', 'trainer');
	reviewer = await signedIn(h.app, h.t.db, 'reviewer@example.tn', 'trainer');
	translator = await signedIn(h.app, h.t.db, 'translator@example.tn', 'trainer');
	strangerReviewer = await signedIn(h.app, h.t.db, 'stranger@example.tn', 'trainer');
	learner = await signedIn(h.app, h.t.db, 'learner@example.tn', 'learner');
	const courseId = await createCourse(SLUG, owner.cookie);
	const grant = (email: string, role: 'editor' | 'reviewer' | 'translator', id = courseId) => {
		grantStudioRole(h.t.db, {
			actorId: owner.id,
			courseId: id,
			email,
			role,
			languages: role === 'translator' ? ['fr'] : []
		});
	};
	grant('editor@example.tn', 'editor');
	grant('reviewer@example.tn', 'reviewer');
	grant('translator@example.tn', 'translator');
	// A reviewer too, but of another course.
	const other = await createCourse('other-course', owner.cookie);
	grant('stranger@example.tn', 'reviewer', other);
});
afterAll(() => h.close());

describe('comments on a draft lesson, without JavaScript', () => {
	it('lets a reviewer comment on a passage, shown escaped and isolated on the lesson page', async () => {
		const body = 'الفقرة الثانية تذكر SQL 3.0 دون شرح <script>alert(1)</script>';
		const res = await postForm(
			h.app,
			`${COMMENTS}?/add`,
			{ body, quote: 'مرحبًا بكم' },
			reviewer.cookie
		);
		expect(res.statusCode).toBe(303);
		expect(res.headers.location).toMatch(new RegExp(`^${LESSON}#comment-\\d+$`));
		const page = await get(LESSON, reviewer.cookie);
		expect(page.statusCode).toBe(200);
		expect(page.body).toMatch(/dir="auto">الفقرة الثانية تذكر SQL 3\.0 دون شرح &lt;script(>|&gt;)/);
		expect(page.body).not.toContain('<script>alert(1)');
		expect(page.body).toContain('مرحبًا بكم</blockquote>');
		expect(page.body).toContain('Commentaires ouverts\u202f: 1');
		const audit = h.t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'studio.comment.add'), eq(auditLog.actorId, reviewer.id)))
			.all();
		expect(audit).toHaveLength(1);
		expect(audit[0]?.details).toMatchObject({ lesson: 'introduction/welcome', locale: 'ar' });
		expect(JSON.stringify(audit[0]?.details)).not.toContain('SQL 3.0');
	});

	it('counts open comments on the course page', async () => {
		const page = await get(`/fr/studio/${SLUG}`, owner.cookie);
		expect(page.body).toContain('Commentaires ouverts\u202f: 1');
	});

	it('refuses an empty or overlong comment in the page language, keeping what was typed', async () => {
		const empty = await postForm(h.app, `${COMMENTS}?/add`, { body: '  \n ' }, reviewer.cookie);
		expect(empty.statusCode).toBe(400);
		expect(empty.body).toContain('Ce champ est obligatoire.');
		const long = 'ب'.repeat(MAX_COMMENT_CHARS + 1);
		const over = await postForm(h.app, `${COMMENTS}?/add`, { body: long }, reviewer.cookie);
		expect(over.statusCode).toBe(400);
		expect(over.body).toContain('Ce texte est trop long.');
		expect(over.body).toContain(long);
		expect(comments()).toHaveLength(1);
	});

	it('lets a translator reply, and refuses a reply to a reply', async () => {
		const [first] = comments();
		const res = await postForm(
			h.app,
			`${COMMENTS}?/add`,
			{ body: 'Corrigé dans la version française.', parentId: String(first!.id) },
			translator.cookie
		);
		expect(res.statusCode).toBe(303);
		const reply = idFrom(res.headers.location);
		const nested = await postForm(
			h.app,
			`${COMMENTS}?/add`,
			{ body: 'Et ceci ?', parentId: String(reply) },
			reviewer.cookie
		);
		expect(nested.statusCode).toBe(404);
		const bad = await postForm(
			h.app,
			`${COMMENTS}?/add`,
			{ body: 'x', parentId: '1; drop' },
			reviewer.cookie
		);
		expect(bad.statusCode).toBe(400);
		const page = await get(COMMENTS, owner.cookie);
		expect(page.body).toContain('Corrigé dans la version française.');
		expect(comments().find((c) => c.id === reply)?.parentId).toBe(first!.id);
	});

	it('lets the reviewer comment but not resolve; the editor resolves and the owner reopens', async () => {
		const [first] = comments();
		const id = String(first!.id);
		const refused = await postForm(
			h.app,
			`${COMMENTS}?/resolve`,
			{ commentId: id },
			reviewer.cookie
		);
		expect(refused.statusCode).toBe(403);
		expect(comments()[0]?.resolvedAt).toBeNull();
		const page = await get(LESSON, reviewer.cookie);
		expect(page.body).not.toContain('?/resolve');

		const done = await postForm(h.app, `${COMMENTS}?/resolve`, { commentId: id }, editor.cookie);
		expect(done.statusCode).toBe(303);
		expect(comments()[0]).toMatchObject({ resolvedBy: editor.id });
		const course = await get(`/fr/studio/${SLUG}`, owner.cookie);
		expect(course.body).toContain('Commentaires ouverts\u202f: 0');
		expect((await get(LESSON, owner.cookie)).body).toContain('Résolu par editor');

		const again = await postForm(h.app, `${COMMENTS}?/reopen`, { commentId: id }, owner.cookie);
		expect(again.statusCode).toBe(303);
		expect(comments()[0]).toMatchObject({ resolvedBy: null, resolvedAt: null });
		const actions = h.t.db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(like(auditLog.action, 'studio.comment.re%'))
			.all()
			.map((a) => a.action);
		expect(actions).toEqual(['studio.comment.resolve', 'studio.comment.reopen']);
	});

	it('refuses a learner and a reviewer of another course, and saves nothing', async () => {
		const before = comments().length;
		expect((await get(COMMENTS, learner.cookie)).statusCode).toBe(403);
		expect((await get(COMMENTS, strangerReviewer.cookie)).statusCode).toBe(404);
		expect((await get(LESSON, strangerReviewer.cookie)).statusCode).toBe(404);
		const post = await postForm(h.app, `${COMMENTS}?/add`, { body: 'intrus' }, learner.cookie);
		expect(post.statusCode).toBe(403);
		const other = await postForm(
			h.app,
			`${COMMENTS}?/add`,
			{ body: 'intrus' },
			strangerReviewer.cookie
		);
		expect(other.statusCode).toBe(404);
		const resolve = await postForm(
			h.app,
			`${COMMENTS}?/resolve`,
			{ commentId: String(comments()[0]!.id) },
			strangerReviewer.cookie
		);
		expect(resolve.statusCode).toBe(404);
		expect(comments()).toHaveLength(before);
	});

	it('answers 404 for a lesson the draft does not have', async () => {
		const res = await postForm(
			h.app,
			`/fr/studio/${SLUG}/introduction/nowhere/ar/comments?/add`,
			{ body: 'x' },
			reviewer.cookie
		);
		expect(res.statusCode).toBe(404);
	});
});
