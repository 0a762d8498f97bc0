import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { ORIGIN, postForm, registration } from '../../helpers/forms.ts';
import { municipality, user } from '../../../src/lib/server/db/schema/index.ts';
import { createUser } from '../../../src/lib/server/accounts/users.ts';
import { createSession, SESSION_COOKIE } from '../../../src/lib/server/auth/session.ts';

let h: TestApp;
let admin = '';
let learner = '';
beforeAll(async () => {
	h = await buildTestApp({ kit: true });
	const person = (email: string, role: 'admin' | 'learner') =>
		createUser(h.t.db, {
			name: role,
			email,
			password: 'a long passphrase',
			locale: 'fr',
			position: null,
			governorateId: null,
			municipalityId: null,
			gender: null,
			role
		});
	const cookie = (id: string) => `${SESSION_COOKIE}=${createSession(h.t.db, { userId: id }).token}`;
	admin = cookie((await person('admin@example.tn', 'admin')).id);
	learner = cookie((await person('learner@example.tn', 'learner')).id);
});
afterAll(() => h.close());

/** A form with a file input, as a browser posts it (the file part has a file name). */
function postFile(url: string, csv: string, cookie: string) {
	const b = '----tamkeen' + Math.random().toString(16).slice(2);
	const payload =
		`--${b}\r\ncontent-disposition: form-data; name="file"; filename="list.csv"\r\n` +
		`content-type: text/csv\r\n\r\n${csv}\r\n--${b}--\r\n`;
	return h.app.inject({
		method: 'POST',
		url,
		headers: {
			accept: 'text/html',
			'content-type': `multipart/form-data; boundary=${b}`,
			origin: ORIGIN,
			cookie
		},
		payload
	});
}

describe('municipalities (issue 11 #12)', () => {
	it('lets only admins open the list page', async () => {
		expect(
			(await h.app.inject({ url: '/fr/admin/municipalities', headers: { cookie: admin } }))
				.statusCode
		).toBe(200);
		expect(
			(await h.app.inject({ url: '/fr/admin/municipalities', headers: { cookie: learner } }))
				.statusCode
		).toBe(403);
	});

	it('adds one municipality, which registration then offers under its governorate', async () => {
		const res = await postForm(
			h.app,
			'/fr/admin/municipalities?/add',
			{
				code: 'tn-11-02',
				governorate: 'TN-11',
				nameAr: 'قرطاج',
				nameFr: 'Carthage',
				nameEn: 'Carthage'
			},
			admin
		);
		expect(res.statusCode).toBe(200);
		expect(res.body).toContain('Communes ajoutées\u202f: 1');
		const page = await h.app.inject({ url: '/fr/register' });
		const tunis = /<optgroup label="Tunis">([\s\S]*?)<\/optgroup>/.exec(page.body)?.[1] ?? '';
		expect(tunis).toContain('Carthage');
		expect(page.body).toContain('Ma commune n’est pas dans la liste');
	});

	it('keeps the governorate and municipality chosen when it refuses a pair that does not match', async () => {
		const sfax = h.t.db.select().from(municipality).where(eq(municipality.nameFr, 'Sfax')).get();
		const res = await postForm(
			h.app,
			'/fr/register',
			registration({
				email: 'mismatch@example.tn',
				governorate: 'TN-32',
				municipality: String(sfax?.id)
			})
		);
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('Cette commune n’appartient pas au gouvernorat choisi.');
		expect(res.body).toMatch(/<option value="TN-32"[^>]*selected/);
		expect(res.body).toMatch(new RegExp(`<option value="${String(sfax?.id)}"[^>]*selected`));
	});

	it('refuses a CSV with bad lines, naming each line in the page’s language, and saves none', async () => {
		const before = h.t.db.select().from(municipality).all().length;
		const res = await postFile(
			'/fr/admin/municipalities?/import',
			'code,governorate,name_ar,name_fr,name_en\nTN-12-02,Ariana,رواد,Raoued,Raoued\nTN-99-01,Atlantis,أ,A,A\n',
			admin
		);
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('Ligne 3\u202f: Gouvernorat inconnu');
		expect(h.t.db.select().from(municipality).all()).toHaveLength(before);
		const ok = await postFile(
			'/fr/admin/municipalities?/import',
			'TN-12-02;Ariana;رواد;Raoued;Raoued\n',
			admin
		);
		expect(ok.statusCode).toBe(200);
		expect(
			h.t.db.select().from(municipality).where(eq(municipality.code, 'TN-12-02')).get()
		).toMatchObject({ governorateId: 'TN-12', nameFr: 'Raoued' });
	});

	it('answers an empty or unreadable file with a 400 and a sentence, not a 500', async () => {
		const res = await postFile('/ar/admin/municipalities?/import', '', admin);
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('تعذّرت قراءة الملف');
	});

	it('registers someone whose municipality is not in the list, with the name they typed', async () => {
		const empty = await postForm(
			h.app,
			'/fr/register',
			registration({ municipality: 'other', locale: 'fr' })
		);
		expect(empty.statusCode).toBe(400);
		expect(empty.body).toContain('Écrivez le nom de votre commune');
		const fields = registration({
			governorate: 'TN-23',
			municipality: 'other',
			municipalityOther: 'Menzel Jemil'
		});
		const res = await postForm(h.app, '/ar/register', fields);
		expect(res.statusCode).toBe(303);
		expect(h.t.db.select().from(user).where(eq(user.email, fields.email)).get()).toMatchObject({
			governorateId: 'TN-23',
			municipalityId: null,
			municipalityOther: 'Menzel Jemil'
		});
	});
});
