import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, cookiesFrom, type TestApp } from '../helpers/app.ts';
import { postForm, registration } from '../helpers/forms.ts';
import { user, session } from '../../src/lib/server/db/schema/index.ts';
import { createUser } from '../../src/lib/server/accounts/users.ts';
import { issueFirstAdminToken } from '../../src/lib/server/accounts/first-admin.ts';

let h: TestApp;
beforeAll(async () => (h = await buildTestApp({ kit: true })));
afterAll(() => h.close());

async function register(over: Record<string, string> = {}, lang = 'ar') {
	const fields = registration(over);
	const res = await postForm(h.app, `/${lang}/register`, fields);
	return { res, fields, cookie: cookiesFrom(res.headers) };
}

describe('registration', () => {
	it('creates the account, starts a session and sets a safe cookie', async () => {
		const { res, fields, cookie } = await register({
			name: 'مريم التونسي',
			position: 'council-member',
			gender: 'woman',
			governorate: 'TN-61'
		});
		expect(res.statusCode).toBe(303);
		expect(res.headers.location).toBe('/ar');
		const setCookie = ([] as string[])
			.concat(res.headers['set-cookie'] as string[])
			.find((c) => c.startsWith('tamkeen_session='))!;
		expect(setCookie).toMatch(/HttpOnly/i);
		expect(setCookie).toMatch(/SameSite=Lax/i);
		expect(setCookie).not.toMatch(/Secure/i);
		const row = h.t.db.select().from(user).where(eq(user.email, fields.email)).get()!;
		expect(row).toMatchObject({
			name: 'مريم التونسي',
			role: 'learner',
			position: 'council-member',
			gender: 'woman',
			governorateId: 'TN-61'
		});
		expect(row.passwordHash).toMatch(/^\$argon2id\$/);
		const account = await h.app.inject({ url: '/ar/account', headers: { cookie } });
		expect(account.statusCode).toBe(200);
		expect(account.body).toContain(fields.email);
	});

	it('answers bad input with 400 and messages in the page’s language, and saves nothing', async () => {
		const before = h.t.db.select().from(user).all().length;
		const res = await postForm(h.app, '/fr/register', {
			name: '',
			email: 'pas-un-email',
			password: 'zq9!x',
			locale: 'fr'
		});
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('Ce champ est obligatoire.');
		expect(res.body).toContain('Saisissez une adresse e-mail comme nom@exemple.tn.');
		expect(res.body).toContain('Le mot de passe doit compter au moins 10 caractères.');
		expect(res.body).toContain('value="pas-un-email"');
		expect(res.body).not.toContain('zq9!x');
		expect(h.t.db.select().from(user).all().length).toBe(before);
	});

	it('refuses an email already in use with 409 and says what to do', async () => {
		const { fields } = await register();
		const res = await postForm(h.app, '/en/register', {
			...registration(),
			email: fields.email.toUpperCase()
		});
		expect(res.statusCode).toBe(409);
		expect(res.body).toContain('An account already uses this email.');
	});

	it('sets Secure cookies when the public URL is https', async () => {
		const secure = await buildTestApp({ kit: true, env: { ORIGIN: 'https://tamkeen.example.tn' } });
		const res = await postForm(secure.app, '/ar/register', registration());
		expect(String(res.headers['set-cookie'])).toMatch(/tamkeen_session=[^;]+;.*Secure/i);
		await secure.close();
	});
});

describe('signing in and out', () => {
	it('signs in, shows the user, and signs out for good', async () => {
		const { fields } = await register();
		const res = await postForm(h.app, '/fr/signin', {
			email: fields.email,
			password: fields.password
		});
		expect(res.statusCode).toBe(303);
		const cookie = cookiesFrom(res.headers);
		const home = await h.app.inject({ url: '/fr', headers: { cookie } });
		// Not enrolled anywhere yet: first steps, not "welcome back" (issue 11 §11).
		expect(home.body).toContain(`Bienvenue sur Tamkeen, ${fields.name}.`);
		expect(home.body).toContain('Vos premiers pas');
		expect(home.body).not.toContain('Bon retour');
		const out = await postForm(h.app, '/fr/signout', {}, cookie);
		expect(out.statusCode).toBe(303);
		const after = await h.app.inject({ url: '/fr/account', headers: { cookie } });
		expect(after.statusCode).toBe(303);
		expect(after.headers.location).toBe('/fr/signin?next=%2Ffr%2Faccount');
	});

	it('gives the same answer for a wrong email and a wrong password', async () => {
		const { fields } = await register();
		const wrongPassword = await postForm(h.app, '/ar/signin', {
			email: fields.email,
			password: 'not the password'
		});
		const wrongEmail = await postForm(h.app, '/ar/signin', {
			email: 'nobody-' + fields.email,
			password: fields.password
		});
		expect(wrongPassword.statusCode).toBe(400);
		expect(wrongEmail.statusCode).toBe(400);
		const message = 'البريد الإلكتروني أو كلمة المرور غير صحيحة.';
		expect(wrongPassword.body).toContain(message);
		expect(wrongEmail.body).toContain(message);
	});

	it('makes an address wait after 5 failures on one account, even with the right password', async () => {
		const { fields } = await register();
		for (let i = 0; i < 5; i++) {
			expect(
				(
					await postForm(h.app, '/en/signin', {
						email: fields.email,
						password: `wrong ${i} attempt`
					})
				).statusCode
			).toBe(400);
		}
		const locked = await postForm(h.app, '/en/signin', {
			email: fields.email,
			password: fields.password
		});
		expect(locked.statusCode).toBe(429);
		expect(locked.headers['retry-after']).toMatch(/^\d+$/);
		expect(locked.body).toContain('Too many attempts. Wait 2 minutes and try again.');
	});
});

describe('access control', () => {
	it('refuses a learner on the admin page and its actions', async () => {
		const { cookie } = await register();
		const page = await h.app.inject({ url: '/en/admin', headers: { cookie } });
		expect(page.statusCode).toBe(403);
		expect(page.body).toContain('Not allowed');
		const target = h.t.db.select().from(user).get()!;
		const action = await postForm(
			h.app,
			'/en/admin?/role',
			{ userId: target.id, role: 'admin' },
			cookie
		);
		expect(action.statusCode).toBe(403);
		expect(h.t.db.select().from(user).where(eq(user.id, target.id)).get()!.role).not.toBe('admin');
	});

	it('sends anonymous visitors of protected pages to sign in', async () => {
		const res = await h.app.inject({ url: '/ar/admin' });
		expect(res.statusCode).toBe(303);
		expect(res.headers.location).toBe('/ar/signin?next=%2Far%2Fadmin');
	});

	it('lets an admin list users and change a role', async () => {
		await createUser(h.t.db, {
			email: 'boss@example.tn',
			name: 'Boss',
			password: 'admin passphrase',
			locale: 'fr',
			role: 'admin',
			position: null,
			governorateId: null,
			municipalityId: null,
			gender: null
		});
		const signin = await postForm(h.app, '/fr/signin', {
			email: 'boss@example.tn',
			password: 'admin passphrase'
		});
		const cookie = cookiesFrom(signin.headers);
		const page = await h.app.inject({ url: '/fr/admin', headers: { cookie } });
		expect(page.statusCode).toBe(200);
		expect(page.body).toContain('boss@example.tn');
		const { fields } = await register();
		const target = h.t.db.select().from(user).where(eq(user.email, fields.email)).get()!;
		const res = await postForm(
			h.app,
			'/fr/admin?/role',
			{ userId: target.id, role: 'trainer' },
			cookie
		);
		expect(res.statusCode).toBe(200);
		expect(h.t.db.select().from(user).where(eq(user.id, target.id)).get()!.role).toBe('trainer');
		const bad = await postForm(
			h.app,
			'/fr/admin?/role',
			{ userId: target.id, role: 'emperor' },
			cookie
		);
		expect(bad.statusCode).toBe(400);
	});
});

describe('account page', () => {
	it('saves the profile and refuses a municipality outside the governorate', async () => {
		const { cookie, fields } = await register();
		const ok = await postForm(
			h.app,
			'/en/account?/profile',
			{
				name: 'New Name',
				locale: 'fr',
				position: 'municipal-staff',
				governorate: '',
				municipality: '',
				gender: ''
			},
			cookie
		);
		expect(ok.statusCode).toBe(200);
		expect(ok.body).toContain('Your profile is saved.');
		expect(h.t.db.select().from(user).where(eq(user.email, fields.email)).get()).toMatchObject({
			name: 'New Name',
			locale: 'fr',
			position: 'municipal-staff'
		});
		const bad = await postForm(
			h.app,
			'/en/account?/profile',
			{ name: 'New Name', locale: 'fr', governorate: 'TN-11', municipality: '15' },
			cookie
		);
		expect(bad.statusCode).toBe(400);
		expect(bad.body).toContain('This municipality is not in the governorate you chose.');
		expect(h.t.db.select().from(user).where(eq(user.email, fields.email)).get()!.name).toBe(
			'New Name'
		);
	});

	it('answers 400, not 500, to an unknown governorate (issue 9 #4)', async () => {
		const { res: reg, fields } = await register({ governorate: 'TN-99' }, 'fr');
		expect(reg.statusCode).toBe(400);
		expect(reg.body).toContain('Choisissez une des options de la liste.');
		expect(h.t.db.select().from(user).where(eq(user.email, fields.email)).get()).toBeUndefined();
		const { cookie } = await register({}, 'ar');
		const res = await postForm(
			h.app,
			'/ar/account?/profile',
			{ name: 'اسم', locale: 'ar', governorate: 'TN-99' },
			cookie
		);
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('اختر أحد الخيارات الموجودة في القائمة.');
	});

	it('strips bidi overrides and invisible characters from display names (issue 9 #11)', async () => {
		const { res, fields } = await register({
			name: 'Amina\u202E\u2066 Ben\u200B\u0007 Salah\u0085'
		});
		expect(res.statusCode).toBe(303);
		const row = h.t.db.select().from(user).where(eq(user.email, fields.email)).get()!;
		expect(row.name).toBe('Amina Ben Salah');
		const cookie = cookiesFrom(res.headers);
		const profile = await postForm(
			h.app,
			'/en/account?/profile',
			{ name: '\u202Bمحمد\u202C بن\u200Dعلي', locale: 'ar' },
			cookie
		);
		expect(profile.statusCode).toBe(200);
		expect(h.t.db.select().from(user).where(eq(user.email, fields.email)).get()!.name).toBe(
			'محمد بن\u200Dعلي'
		);
		const empty = await postForm(
			h.app,
			'/en/account?/profile',
			{ name: '\u202E\u200B', locale: 'ar' },
			cookie
		);
		expect(empty.statusCode).toBe(400);
	});

	it('changes the password and signs out every other session', async () => {
		const { cookie, fields } = await register();
		const other = cookiesFrom(
			(await postForm(h.app, '/ar/signin', { email: fields.email, password: fields.password }))
				.headers
		);
		const wrong = await postForm(
			h.app,
			'/ar/account?/password',
			{ current: 'not it at all', next: 'a brand new passphrase' },
			cookie
		);
		expect(wrong.statusCode).toBe(400);
		expect(wrong.body).toContain('كلمة المرور الحالية غير صحيحة.');
		const res = await postForm(
			h.app,
			'/ar/account?/password',
			{ current: fields.password, next: 'a brand new passphrase' },
			cookie
		);
		expect(res.statusCode).toBe(200);
		expect((await h.app.inject({ url: '/ar/account', headers: { cookie } })).statusCode).toBe(200);
		expect(
			(await h.app.inject({ url: '/ar/account', headers: { cookie: other } })).statusCode
		).toBe(303);
		const u = h.t.db.select().from(user).where(eq(user.email, fields.email)).get()!;
		expect(h.t.db.select().from(session).where(eq(session.userId, u.id)).all()).toHaveLength(1);
	});
});

describe('JSON API', () => {
	it('GET /api/v1/me answers 401 without a session and the account with one', async () => {
		expect((await h.app.inject({ url: '/api/v1/me' })).statusCode).toBe(401);
		const { cookie, fields } = await register();
		const me = await h.app.inject({ url: '/api/v1/me', headers: { cookie } });
		expect(me.statusCode).toBe(200);
		expect(me.json()).toMatchObject({ email: fields.email, role: 'learner' });
		expect(me.body).not.toContain('argon2');
	});

	it('validates query parameters against the schema', async () => {
		expect((await h.app.inject({ url: '/api/v1/governorates?locale=de' })).statusCode).toBe(400);
		const fr = (await h.app.inject({ url: '/api/v1/governorates?locale=fr' })).json<unknown[]>();
		expect(fr).toHaveLength(24);
	});
});

describe('first administrator', () => {
	it('is created through the one-time link, which then stops working', async () => {
		const fresh = await buildTestApp({ kit: true });
		const token = issueFirstAdminToken(fresh.t.db)!;
		const page = await fresh.app.inject({ url: `/en/setup/${token}` });
		expect(page.body).toContain('Create the first administrator');
		const res = await postForm(
			fresh.app,
			`/en/setup/${token}`,
			registration({ email: 'root@example.tn' })
		);
		expect(res.statusCode).toBe(303);
		expect(res.headers.location).toBe('/en/admin');
		expect(
			fresh.t.db.select().from(user).where(eq(user.email, 'root@example.tn')).get()!.role
		).toBe('admin');
		const again = await postForm(fresh.app, `/en/setup/${token}`, registration());
		expect(again.statusCode).toBe(403);
		await fresh.close();
	});
});
