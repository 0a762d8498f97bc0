import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createDb } from '../../../src/lib/server/db/index.ts';
import { eq, sql } from 'drizzle-orm';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm, registration } from '../../helpers/forms.ts';
import { finishLessons, passAllQuizzes } from '../../helpers/learning.ts';
import { markContentChanged } from '../../helpers/content.ts';
import { certificate, course, user } from '../../../src/lib/server/db/schema/index.ts';
import { enrol } from '../../../src/lib/server/learning/enrolment.ts';
import { completeLesson } from '../../../src/lib/server/learning/complete-lesson.ts';
import { ISSUER } from '../quiz/fixture.ts';
import { createUser } from '../../../src/lib/server/accounts/users.ts';
import { loadCourse } from '../../../src/lib/server/courses/format/load.ts';

// Hours are computed from the course's content (course format 2), so they follow its files.
const PG_HOURS = loadCourse('courses/participatory-governance').course!.meta.hours;

let h: TestApp;
let courseId: number;
beforeAll(async () => {
	h = await buildTestApp({ kit: true, courses: true });
	courseId = h.t.db.select().from(course).where(eq(course.slug, 'participatory-governance')).get()!
		.id;
});
afterAll(() => h.close());

const PG = '/courses/participatory-governance';
const lastLesson = `${PG}/transparency-and-accountability/tetouan-open-municipality`;

async function learner(name = 'Amina Ben Salah') {
	const fields = registration({ name });
	const cookie = cookiesFrom((await postForm(h.app, '/fr/register', fields)).headers);
	const id = h.t.db.select().from(user).where(eq(user.email, fields.email)).get()!.id;
	enrol(h.t.db, { userId: id, courseId });
	return { cookie, id, fields };
}
const mine = (userId: string) =>
	h.t.db.select().from(certificate).where(eq(certificate.userId, userId)).all();

describe('issuing', () => {
	it('gives nothing before the course is complete: lessons alone or quizzes alone are not enough', async () => {
		const a = await learner();
		finishLessons(h.t.db, { userId: a.id, courseId });
		expect(mine(a.id)).toEqual([]);
		const b = await learner();
		passAllQuizzes(h.t.db, { userId: b.id, courseId });
		expect(mine(b.id)).toEqual([]);
		const c = await learner();
		finishLessons(h.t.db, { userId: c.id, courseId });
		passAllQuizzes(h.t.db, { userId: c.id, courseId, skip: ['final'] });
		expect(mine(c.id)).toEqual([]);
	});

	it('issues exactly once when 20 requests finish the last lesson at the same moment', async () => {
		const a = await learner();
		passAllQuizzes(h.t.db, { userId: a.id, courseId });
		const last = finishLessons(h.t.db, { userId: a.id, courseId, leave: 1 }).at(-1)!;
		// A second connection to the same file finishes it too, interleaved with the HTTP requests.
		const other = createDb(h.t.file);
		const requests = Array.from({ length: 20 }, async (_v, i) => {
			if (i % 2) await new Promise((r) => setImmediate(r));
			completeLesson(other, { userId: a.id, courseId, lessonId: last.id, issuer: ISSUER });
			return postForm(h.app, `/fr${lastLesson}?/complete`, {}, a.cookie);
		});
		const results = await Promise.all(requests);
		expect(results.every((r) => r.statusCode === 303)).toBe(true);
		other.$client.close();
		const rows = mine(a.id);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ type: 'completion' });
		expect(rows[0]!.code).toMatch(
			/^TMK-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z*~$=U]{2}$/
		);
		const snap = rows[0]!.snapshot;
		expect(snap).toMatchObject({
			holderName: 'Amina Ben Salah',
			courseSlug: 'participatory-governance',
			courseVersion: '1.1.0',
			hours: PG_HOURS,
			score: 100
		});
		expect((snap.courseTitle as Record<string, string>).ar).toBeTruthy();
		// The snapshot stays as issued when the holder changes their name.
		h.t.db.update(user).set({ name: 'Someone Else' }).where(eq(user.id, a.id)).run();
		const api = (
			await h.app.inject({ url: `/api/v1/certificates/${rows[0]!.code}` })
		).json<unknown>();
		expect(api).toMatchObject({ status: 'valid', holderName: 'Amina Ben Salah' });
	});

	it('issues a participation certificate for lessons alone when the course offers one', async () => {
		const v = h.t.db.select().from(course).where(eq(course.id, courseId)).get()!.currentVersionId;
		h.t.db.run(
			sql`update course_version set metadata = json_set(metadata, '$.completion.certificate', 'both') where id = ${v}`
		);
		markContentChanged(h.t.db);
		try {
			const a = await learner();
			finishLessons(h.t.db, { userId: a.id, courseId, leave: 1 });
			await postForm(h.app, `/ar${lastLesson}?/complete`, {}, a.cookie);
			expect(mine(a.id).map((c) => c.type)).toEqual(['participation']);
		} finally {
			h.t.db.run(
				sql`update course_version set metadata = json_set(metadata, '$.completion.certificate', 'completion') where id = ${v}`
			);
			markContentChanged(h.t.db);
		}
	});
});

describe('verifying, downloading, revoking', () => {
	let owner: Awaited<ReturnType<typeof learner>>;
	let code: string;
	beforeAll(async () => {
		owner = await learner('مريم Ben Salah');
		passAllQuizzes(h.t.db, { userId: owner.id, courseId, locale: 'ar' });
		finishLessons(h.t.db, { userId: owner.id, courseId, leave: 1 });
		await postForm(h.app, `/ar${lastLesson}?/complete`, {}, owner.cookie);
		code = mine(owner.id)[0]!.code;
	});

	it('shows valid, unknown and malformed codes on the public page and in the API', async () => {
		const page = await h.app.inject({
			url: `/fr/verify/${code.toLowerCase().replaceAll('-', ' ')}`
		});
		expect(page.body).toContain('Attestation valide');
		expect(page.body).toContain('مريم Ben Salah');
		const typed = await h.app.inject({
			url: `/ar/verify?code=${encodeURIComponent(code.toLowerCase())}`
		});
		expect(typed.statusCode).toBe(303);
		expect(typed.headers.location).toBe(`/ar/verify/${code}`);
		expect((await h.app.inject({ url: '/fr/verify/TMK-0000-0000-00' })).body).toMatch(
			/Aucune attestation ne porte le code|n’est pas un code/
		);
		expect((await h.app.inject({ url: '/fr/verify?code=hello' })).body).toContain(
			'Ce n’est pas un code d’attestation.'
		);
		expect((await h.app.inject({ url: '/api/v1/certificates/hello' })).statusCode).toBe(400);
		const valid = await h.app.inject({ url: `/api/v1/certificates/${code}` });
		expect(valid.json()).toMatchObject({ status: 'valid', code, hours: PG_HOURS, revoked: null });
	});

	it('shows no bidi override or invisible character from a name on the verify page (issue 9 #11)', async () => {
		const spoofer = await learner('\u202EAmina\u2066 Trabelsi\u200B\u0007');
		passAllQuizzes(h.t.db, { userId: spoofer.id, courseId, locale: 'ar' });
		finishLessons(h.t.db, { userId: spoofer.id, courseId, leave: 1 });
		await postForm(h.app, `/ar${lastLesson}?/complete`, {}, spoofer.cookie);
		const theirs = mine(spoofer.id)[0]!.code;
		const page = await h.app.inject({ url: `/fr/verify/${theirs}` });
		expect(page.body).toContain('Amina Trabelsi');
		// The control character is what the test looks for: the name carried a BEL.
		// eslint-disable-next-line no-control-regex
		expect(page.body).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B\u0007]/);
		const api: unknown = (await h.app.inject({ url: `/api/v1/certificates/${theirs}` })).json();
		expect(api).toMatchObject({ holderName: 'Amina Trabelsi' });
	});

	it('lets only the holder (or an admin) download the PDF, which carries the name and the code', async () => {
		const pdf = await h.app.inject({
			url: `/ar/certificates/${code}/pdf/ar`,
			headers: { cookie: owner.cookie }
		});
		expect(pdf.statusCode).toBe(200);
		expect(pdf.headers['content-type']).toBe('application/pdf');
		const file = path.join(h.t.dir, 'c.pdf');
		fs.writeFileSync(file, pdf.rawPayload);
		const text = execFileSync('pdftotext', [file, '-']).toString();
		expect(text).toContain(code);
		expect(text).toContain('Ben Salah');
		// The QR code, read back from the rendered page, opens the public verification page.
		execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, path.join(h.t.dir, 'c')]);
		const qr = execFileSync('zbarimg', ['--quiet', '--raw', path.join(h.t.dir, 'c.png')])
			.toString()
			.trim();
		expect(qr).toBe(`http://localhost:3000/ar/verify/${code}`);
		const stranger = await learner();
		expect(
			(
				await h.app.inject({
					url: `/ar/certificates/${code}/pdf/ar`,
					headers: { cookie: stranger.cookie }
				})
			).statusCode
		).toBe(404);
		expect(
			(
				await h.app.inject({
					url: `/ar/certificates/${code}/pdf/de`,
					headers: { cookie: owner.cookie }
				})
			).statusCode
		).toBe(404);
	});

	it('hands out a credential that verifies against the published keys, and rejects a tampered one', async () => {
		const jwt = (
			await h.app.inject({
				url: `/fr/certificates/${code}/credential`,
				headers: { cookie: owner.cookie }
			})
		).body;
		const jwks = createLocalJWKSet((await h.app.inject({ url: '/.well-known/jwks.json' })).json());
		const { payload } = await jwtVerify(jwt, jwks);
		expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(JSON.stringify(payload)).not.toContain(owner.fields.email);
		const check = (credential: string) =>
			h.app
				.inject({ method: 'POST', url: '/api/v1/credentials/verify', payload: { credential } })
				.then((r) => r.json<unknown>());
		expect(await check(jwt)).toMatchObject({ valid: true, code });
		const [head, body, sig] = jwt.split('.');
		const forged = JSON.parse(Buffer.from(body!, 'base64url').toString()) as {
			credentialSubject: { achievement: { name: string } };
		};
		forged.credentialSubject.achievement.name = 'Doctorate';
		expect(
			await check(`${head}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${sig}`)
		).toMatchObject({ valid: false, reason: 'bad_signature' });
	});

	it('shows a revocation everywhere: page, API and credential check', async () => {
		const jwt = (
			await h.app.inject({
				url: `/fr/certificates/${code}/credential`,
				headers: { cookie: owner.cookie }
			})
		).body;
		expect(
			(
				await postForm(
					h.app,
					'/fr/admin/certificates?/revoke',
					{ code, reason: 'Fraude constatée' },
					owner.cookie
				)
			).statusCode
		).toBe(403);
		await createUser(h.t.db, {
			email: 'admin@example.tn',
			name: 'Admin',
			password: 'admin passphrase',
			locale: 'fr',
			role: 'admin',
			position: null,
			governorateId: null,
			municipalityId: null,
			gender: null
		});
		const admin = cookiesFrom(
			(
				await postForm(h.app, '/fr/signin', {
					email: 'admin@example.tn',
					password: 'admin passphrase'
				})
			).headers
		);
		expect(
			(await postForm(h.app, '/fr/admin/certificates?/revoke', { code, reason: 'no' }, admin))
				.statusCode
		).toBe(400);
		expect(
			(
				await postForm(
					h.app,
					'/fr/admin/certificates?/revoke',
					{ code, reason: 'Fraude constatée\u202E à l’examen\u2069\u0000', confirm: 'yes' },
					admin
				)
			).statusCode
		).toBe(200);
		const page = await h.app.inject({ url: `/fr/verify/${code}` });
		expect(page.body).toMatch(/Révoquée le/);
		expect(page.body).toContain('Fraude constatée à l’examen');
		expect((await h.app.inject({ url: `/api/v1/certificates/${code}` })).json()).toMatchObject({
			status: 'revoked',
			revoked: { reason: 'Fraude constatée à l’examen' }
		});
		const check = await h.app.inject({
			method: 'POST',
			url: '/api/v1/credentials/verify',
			payload: { credential: jwt }
		});
		expect(check.json()).toMatchObject({ valid: false, reason: 'revoked' });
		expect(
			(
				await postForm(
					h.app,
					'/fr/admin/certificates?/revoke',
					{ code, reason: 'again and again', confirm: 'yes' },
					admin
				)
			).statusCode
		).toBe(409);
	});
});
