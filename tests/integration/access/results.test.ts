import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { postForm } from '../../helpers/forms.ts';
import { auditLog, courseRole } from '../../../src/lib/server/db/schema/index.ts';
import { importCourse } from '../../../src/lib/server/courses/import/import-courses.ts';
import { courseIdOf, signedIn } from './staff.ts';

let h: TestApp;
let admin: { id: string; cookie: string };
let assigned: { id: string; cookie: string };
let other: { id: string; cookie: string };
let named: { id: string; cookie: string };
let tmp: string;

const PG = '/fr/courses/participatory-governance';
const get = (url: string, cookie: string) => h.app.inject({ url, headers: { cookie } });

beforeAll(async () => {
	h = await buildTestApp({ kit: true, courses: true });
	admin = await signedIn(h.app, h.t.db, 'admin@example.tn', 'admin');
	assigned = await signedIn(h.app, h.t.db, 'assigned@example.tn', 'trainer');
	other = await signedIn(h.app, h.t.db, 'other@example.tn', 'trainer');
	named = await signedIn(h.app, h.t.db, 'named.trainer@example.tn', 'trainer');
	// A course whose course.yaml names a trainer (in another case than the account's email).
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-trainers-'));
	const dir = path.join(tmp, 'local-budgets');
	fs.cpSync('tests/fixtures/courses/valid/local-budgets', dir, { recursive: true });
	fs.appendFileSync(path.join(dir, 'course.yaml'), 'trainers: [Named.Trainer@EXAMPLE.tn]\n');
	expect(importCourse(h.t.db, { dir }).status).toBe('created');
});
afterAll(async () => {
	await h.close();
	fs.rmSync(tmp, { recursive: true, force: true });
});

describe('results are for the course’s trainers and admins (interim rule until cohorts)', () => {
	it('a trainer not assigned to the course gets 403 on its results; admins get 200', async () => {
		const refused = await get(`${PG}/results`, other.cookie);
		expect(refused.statusCode).toBe(403);
		expect(refused.body).toContain('Votre compte n’a pas accès à cette page.');
		expect((await get(`${PG}/results`, admin.cookie)).statusCode).toBe(200);
		// The course page offers the link only to those who may follow it.
		expect((await get(PG, other.cookie)).body).not.toContain('/results"');
		expect((await get(PG, admin.cookie)).body).toContain('/results"');
	});

	it('a trainer assigned by an admin on the admin page gets 200, and loses it when removed', async () => {
		const courseId = courseIdOf(h.t.db, 'participatory-governance');
		expect((await get(`${PG}/results`, assigned.cookie)).statusCode).toBe(403);

		const add = await postForm(
			h.app,
			'/fr/admin/courses?/add',
			{ courseId: String(courseId), userId: assigned.id },
			admin.cookie
		);
		expect(add.statusCode).toBe(200);
		expect(add.body).toContain('anime désormais');
		const page = await get(`${PG}/results`, assigned.cookie);
		expect(page.statusCode).toBe(200);
		expect((await get(PG, assigned.cookie)).body).toContain('/results"');
		// Still only that course: another course's results stay closed to them.
		expect((await get('/fr/courses/local-budgets/results', assigned.cookie)).statusCode).toBe(403);

		const remove = await postForm(
			h.app,
			'/fr/admin/courses?/remove',
			{ courseId: String(courseId), userId: assigned.id },
			admin.cookie
		);
		expect(remove.statusCode).toBe(200);
		expect((await get(`${PG}/results`, assigned.cookie)).statusCode).toBe(403);
		const audit = h.t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.subjectType, 'course'), eq(auditLog.subjectId, String(courseId))))
			.all()
			.map((a) => [a.action, a.actorId, a.details]);
		expect(audit).toEqual([
			['course_role.grant', admin.id, { userId: assigned.id, role: 'trainer' }],
			['course_role.revoke', admin.id, { userId: assigned.id, role: 'trainer' }]
		]);
	});

	it('a trainer named in course.yaml gets 200 on that course only', async () => {
		expect((await get('/fr/courses/local-budgets/results', named.cookie)).statusCode).toBe(200);
		expect((await get(`${PG}/results`, named.cookie)).statusCode).toBe(403);
		expect((await get('/fr/courses/local-budgets/results', other.cookie)).statusCode).toBe(403);
	});

	it('exporting a quiz as GIFT follows the same rule', async () => {
		const url = '/fr/courses/local-budgets/quiz/final/export.gift';
		expect((await get(url, named.cookie)).statusCode).toBe(200);
		expect((await get(url, other.cookie)).statusCode).toBe(403);
		expect((await get(url, admin.cookie)).statusCode).toBe(200);
	});

	it('only admins open the course-trainers page or change assignments', async () => {
		const courseId = courseIdOf(h.t.db, 'participatory-governance');
		expect((await get('/fr/admin/courses', other.cookie)).statusCode).toBe(403);
		const forged = await postForm(
			h.app,
			'/fr/admin/courses?/add',
			{ courseId: String(courseId), userId: other.id },
			other.cookie
		);
		expect(forged.statusCode).toBe(403);
		expect(h.t.db.select().from(courseRole).where(eq(courseRole.userId, other.id)).all()).toEqual(
			[]
		);
		const page = await get('/fr/admin/courses', admin.cookie);
		expect(page.statusCode).toBe(200);
		expect(page.body).toContain('named.trainer@example.tn');
		// Plain forms (no JavaScript needed), in Arabic too.
		expect(page.body).toMatch(/<form method="POST" action="\?\/add"/);
		const ar = await get('/ar/admin/courses', admin.cookie);
		expect(ar.statusCode).toBe(200);
		expect(ar.body).toContain('مكوّنو الدورات');
		expect(ar.body).toContain('dir="rtl"');
	});

	it('an admin cannot make a learner a course trainer: 400 with the reason, nothing written', async () => {
		const learner = await signedIn(h.app, h.t.db, 'learner@example.tn', 'learner');
		const courseId = courseIdOf(h.t.db, 'participatory-governance');
		const res = await postForm(
			h.app,
			'/fr/admin/courses?/add',
			{ courseId: String(courseId), userId: learner.id },
			admin.cookie
		);
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('Seul un compte ayant le rôle de formateur');
		expect(h.t.db.select().from(courseRole).where(eq(courseRole.userId, learner.id)).all()).toEqual(
			[]
		);
	});
});
