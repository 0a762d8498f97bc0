import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm, registration } from '../../helpers/forms.ts';
import { finishLessons, passAllQuizzes } from '../../helpers/learning.ts';
import { auditLog, certificate, course, user } from '../../../src/lib/server/db/schema/index.ts';
import { enrol } from '../../../src/lib/server/learning/enrolment.ts';
import { createUser } from '../../../src/lib/server/accounts/users.ts';

// Issue 11 §9: revoking asks for confirmation, admins can reinstate (audited, with a reason), and
// a revoked certificate's owner sees it marked revoked with no download or sharing link.
let h: TestApp;
let admin: string;
beforeAll(async () => {
	h = await buildTestApp({ kit: true, courses: true });
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
	admin = cookiesFrom(
		(
			await postForm(h.app, '/fr/signin', {
				email: 'admin@example.tn',
				password: 'admin passphrase'
			})
		).headers
	);
});
afterAll(() => h.close());

async function holder() {
	const courseId = h.t.db
		.select()
		.from(course)
		.where(eq(course.slug, 'participatory-governance'))
		.get()!.id;
	const fields = registration({});
	const cookie = cookiesFrom((await postForm(h.app, '/fr/register', fields)).headers);
	const id = h.t.db.select().from(user).where(eq(user.email, fields.email)).get()!.id;
	enrol(h.t.db, { userId: id, courseId });
	finishLessons(h.t.db, { userId: id, courseId });
	passAllQuizzes(h.t.db, { userId: id, courseId });
	const code = h.t.db.select().from(certificate).where(eq(certificate.userId, id)).get()!.code;
	return { cookie, code };
}
const row = (code: string) =>
	h.t.db.select().from(certificate).where(eq(certificate.code, code)).get()!;
const get = (url: string, cookie: string) => h.app.inject({ url, headers: { cookie } });
const revoke = (fields: Record<string, string>) =>
	postForm(h.app, '/fr/admin/certificates?/revoke', fields, admin);

describe('revoking and reinstating', () => {
	it('asks for confirmation first, without JavaScript, and revokes only when confirmed', async () => {
		const { code } = await holder();
		const asked = await revoke({ code, reason: 'Fraude constatée' });
		expect(asked.statusCode).toBe(200);
		expect(asked.body).toContain(`Révoquer le certificat ${code}`);
		expect(asked.body).toContain('name="confirm" value="yes"');
		expect(row(code).revokedAt).toBeNull();
		const done = await revoke({ code, reason: 'Fraude constatée', confirm: 'yes' });
		expect(done.statusCode).toBe(200);
		expect(row(code).revokedReason).toBe('Fraude constatée');
	});

	it('shows the owner a revoked certificate with its date and reason, and no download or LinkedIn link', async () => {
		const { cookie, code } = await holder();
		expect((await get(`/fr/certificates/${code}/pdf/fr`, cookie)).statusCode).toBe(200);
		await revoke({ code, reason: 'Erreur de saisie', confirm: 'yes' });
		const page = await get('/fr/certificates', cookie);
		expect(page.body).toMatch(/Révoquée? le/);
		expect(page.body).toContain('Erreur de saisie');
		expect(page.body).not.toContain(`/certificates/${code}/pdf/`);
		expect(page.body).not.toContain(`/certificates/${code}/credential`);
		expect(page.body).not.toContain('linkedin.com');
		expect(page.body).toContain(`href="/fr/verify/${code}"`);
	});

	it('refuses the PDF and the credential of a revoked certificate with a 410', async () => {
		const { cookie, code } = await holder();
		await revoke({ code, reason: 'Erreur de saisie', confirm: 'yes' });
		const pdf = await get(`/fr/certificates/${code}/pdf/fr`, cookie);
		expect(pdf.statusCode).toBe(410);
		expect(pdf.body).toContain('Ce certificat a été révoqué');
		expect((await get(`/fr/certificates/${code}/credential`, cookie)).statusCode).toBe(410);
	});

	it('reinstates with a reason, keeps the whole history in the audit log, and the downloads return', async () => {
		const { cookie, code } = await holder();
		await revoke({ code, reason: 'Fraude constatée', confirm: 'yes' });
		const noReason = await postForm(
			h.app,
			'/fr/admin/certificates?/reinstate',
			{ code, reason: 'no' },
			admin
		);
		expect(noReason.statusCode).toBe(400);
		const ok = await postForm(
			h.app,
			'/fr/admin/certificates?/reinstate',
			{ code, reason: 'Enquête close sans suite' },
			admin
		);
		expect(ok.statusCode).toBe(200);
		expect(ok.body).toContain(`Le certificat ${code} est de nouveau valide`);
		expect(row(code)).toMatchObject({ revokedAt: null, revokedReason: null, revokedBy: null });
		expect((await get(`/fr/verify/${code}`, '')).body).not.toMatch(/Révoquée? le/);
		expect((await get(`/fr/certificates/${code}/credential`, cookie)).statusCode).toBe(200);
		const history = h.t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.subjectType, 'certificate'), eq(auditLog.subjectId, code)))
			.orderBy(asc(auditLog.id))
			.all()
			.map((a) => [a.action, a.details?.reason]);
		expect(history).toEqual([
			['certificate.issue', undefined],
			['certificate.revoke', 'Fraude constatée'],
			['certificate.reinstate', 'Enquête close sans suite']
		]);
		const again = await postForm(
			h.app,
			'/fr/admin/certificates?/reinstate',
			{ code, reason: 'Encore une fois' },
			admin
		);
		expect(again.statusCode).toBe(409);
	});

	it('lets only admins reinstate', async () => {
		const { cookie, code } = await holder();
		await revoke({ code, reason: 'Fraude constatée', confirm: 'yes' });
		const res = await postForm(
			h.app,
			'/fr/admin/certificates?/reinstate',
			{ code, reason: 'Je le veux' },
			cookie
		);
		expect(res.statusCode).toBe(403);
		expect(row(code).revokedAt).not.toBeNull();
	});
});
