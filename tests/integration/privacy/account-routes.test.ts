// The personal-data routes over real HTTP, as a browser without JavaScript uses them: the export
// download, erasing one's own account, and an admin erasing someone else's. The domain behind
// them is covered in personal-data.test.ts; this file checks what the routes add (who may,
// what a refusal says, what the answer carries).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm, registration } from '../../helpers/forms.ts';
import { createUser } from '../../../src/lib/server/accounts/users.ts';
import { user } from '../../../src/lib/server/db/schema/index.ts';

let h: TestApp;
let admin: string;
const ADMIN = { email: 'privacy-admin@example.tn', password: 'une phrase de passe' };
beforeAll(async () => {
	h = await buildTestApp({ kit: true });
	await createUser(h.t.db, {
		...ADMIN,
		name: 'Admin',
		role: 'admin',
		locale: 'fr',
		position: null,
		gender: null,
		governorateId: null,
		municipalityId: null
	});
	admin = cookiesFrom((await postForm(h.app, '/fr/signin', ADMIN)).headers);
});
afterAll(() => h.close());

async function newLearner(name: string) {
	const form = registration({ name, locale: 'fr' });
	const res = await postForm(h.app, '/fr/register', form);
	const row = h.t.db.select().from(user).where(eq(user.email, form.email)).get()!;
	return { ...form, id: row.id, cookie: cookiesFrom(res.headers) };
}
const get = (url: string, cookie = '') => h.app.inject({ url, headers: cookie ? { cookie } : {} });

describe('GET /account/export', () => {
	it('gives the signed-in person their own data as an attachment, and nobody else’s', async () => {
		const me = await newLearner('Export Moi');
		const other = await newLearner('Export Autre');
		const res = await get('/fr/account/export?format=json', me.cookie);
		expect(res.statusCode).toBe(200);
		expect(res.headers['content-type']).toContain('application/json');
		expect(res.headers['content-disposition']).toContain('attachment');
		expect(res.headers['cache-control']).toBe('private, no-store');
		const body = res.json<{ language: string; sections: { key: string; rows: unknown[] }[] }>();
		expect(body.language).toBe('fr');
		expect(res.body).toContain(me.email);
		expect(res.body).not.toContain(other.email);

		const section = body.sections.find((s) => s.rows.length > 0)!.key;
		const csv = await get(`/fr/account/export?format=csv&section=${section}`, me.cookie);
		expect(csv.statusCode).toBe(200);
		expect(csv.headers['content-type']).toContain('text/csv');
	});

	it('refuses a stranger and an unknown section with a 4xx, never a 500', async () => {
		const anonymous = await get('/fr/account/export?format=json');
		expect([302, 303, 401]).toContain(anonymous.statusCode);
		const me = await newLearner('Export Section');
		const bad = await get('/fr/account/export?format=csv&section=nope', me.cookie);
		expect(bad.statusCode).toBe(400);
		const format = await get('/fr/account/export?format=pdf', me.cookie);
		expect(format.statusCode).toBe(400);
	});
});

describe('POST /account/delete', () => {
	it('asks for the password and keeps the account when it is missing or wrong', async () => {
		const me = await newLearner('Efface Refus');
		const empty = await postForm(h.app, '/fr/account/delete', { password: '' }, me.cookie);
		expect(empty.statusCode).toBe(400);
		const wrong = await postForm(
			h.app,
			'/fr/account/delete',
			{ password: 'pas la bonne' },
			me.cookie
		);
		expect(wrong.statusCode).toBe(400);
		expect(wrong.body).toMatch(/mot de passe/i);
		const row = h.t.db.select().from(user).where(eq(user.id, me.id)).get()!;
		expect(row.erasedAt).toBeNull();
		expect(row.email).toBe(me.email);
		expect((await get('/fr/account', me.cookie)).statusCode).toBe(200);
	});

	it('erases the account with the right password, ends the session and the sign-in', async () => {
		const me = await newLearner('Efface Moi');
		const res = await postForm(h.app, '/fr/account/delete', { password: me.password }, me.cookie);
		// Regression: the page's load asked for a signed-in user again after the erasure, so the
		// person was sent to the sign-in page instead of reading that their account is gone.
		expect(res.statusCode).toBe(200);
		expect(res.body).toContain('role="status"');
		expect(String(res.headers['set-cookie'])).toMatch(/tamkeen_session=;/);
		const row = h.t.db.select().from(user).where(eq(user.id, me.id)).get()!;
		expect(row.erasedAt).not.toBeNull();
		expect(row.email).not.toBe(me.email);
		expect(row.name).not.toContain('Efface Moi');
		// The old session no longer opens the account page.
		expect((await get('/fr/account', me.cookie)).statusCode).not.toBe(200);
		const again = await postForm(h.app, '/fr/signin', { email: me.email, password: me.password });
		expect(cookiesFrom(again.headers)).not.toContain('tamkeen_session=');
	});
});

describe('POST /admin?/erase', () => {
	it('is refused to a learner, whatever the target', async () => {
		const learner = await newLearner('Pas Admin');
		const target = await newLearner('Cible Un');
		const res = await postForm(
			h.app,
			'/fr/admin?/erase',
			{ userId: target.id, password: learner.password },
			learner.cookie
		);
		expect(res.statusCode).toBe(403);
		expect(h.t.db.select().from(user).where(eq(user.id, target.id)).get()!.erasedAt).toBeNull();
	});

	it('needs the admin’s own password, then erases the target', async () => {
		const target = await newLearner('Cible Deux');
		const wrong = await postForm(
			h.app,
			'/fr/admin?/erase',
			{ userId: target.id, password: 'not the admin password' },
			admin
		);
		expect(wrong.statusCode).toBe(400);
		expect(h.t.db.select().from(user).where(eq(user.id, target.id)).get()!.erasedAt).toBeNull();

		const ok = await postForm(
			h.app,
			'/fr/admin?/erase',
			{ userId: target.id, password: ADMIN.password },
			admin
		);
		expect(ok.statusCode).toBe(200);
		expect(h.t.db.select().from(user).where(eq(user.id, target.id)).get()!.erasedAt).not.toBeNull();
		// The target's own session is gone with the account.
		expect((await get('/fr/account', target.cookie)).statusCode).not.toBe(200);
	});
});
