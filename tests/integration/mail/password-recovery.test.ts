import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm } from '../../helpers/forms.ts';
import { startSmtp, type TestSmtp } from '../../helpers/smtp.ts';
import { signedIn } from '../access/staff.ts';
import { auditLog, session, user } from '../../../src/lib/server/db/schema/index.ts';
import { issuePasswordLink } from '../../../src/lib/server/accounts/password-links.ts';

const run = promisify(execFile);
const ORIGIN = 'https://tamkeen.example.tn';
let smtp: TestSmtp;
let h: TestApp;

const get = (url: string, cookie = '') =>
	h.app.inject({ url, headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });
const linkIn = (text: string) =>
	/https:\/\/tamkeen\.example\.tn\/(\w\w)\/set-password\/(\w+)/.exec(text);
const notice = (html: string) => /<p class="notice[^"]*"[^>]*>([^<]*)</.exec(html)?.[1];

beforeAll(async () => {
	smtp = await startSmtp();
	h = await buildTestApp({ kit: true, env: { SMTP_URL: smtp.url, ORIGIN } });
});
afterAll(async () => {
	await h.close();
	await smtp.close();
});

describe('forgot password, with mail', () => {
	it('the sign-in page links to a form that asks for the email', async () => {
		const signin = await get('/fr/signin');
		expect(signin.body).toContain('href="/fr/forgot-password"');
		const page = await get('/fr/forgot-password');
		expect(page.statusCode).toBe(200);
		expect(page.body).toContain('name="email"');
	});

	it('mails a one-time link in the account’s language; using it sets the password, ends the other sessions, and is audited', async () => {
		const amel = await signedIn(h.app, h.t.db, 'amel@example.tn', 'learner');
		h.t.db.update(user).set({ locale: 'ar' }).where(eq(user.id, amel.id)).run();
		const res = await postForm(h.app, '/fr/forgot-password', { email: 'Amel@Example.tn' });
		expect(res.statusCode).toBe(200);
		expect(notice(res.body)).toContain('Si un compte utilise cette adresse');
		const mail = await smtp.waitFor('amel@example.tn');
		expect(mail.subject).toBe('اختيار كلمة مرور جديدة لحسابكم على منصة تمكين');
		expect(mail.html).toContain('dir="rtl"');
		const link = linkIn(mail.text);
		expect(link?.[1]).toBe('ar');
		const token = link![2]!;
		const page = await get(`/ar/set-password/${token}`);
		expect(page.body).toContain('name="password"');
		const set = await postForm(h.app, `/ar/set-password/${token}`, {
			password: 'une nouvelle phrase'
		});
		expect(set.statusCode).toBe(303);
		const fresh = cookiesFrom(set.headers);
		// The old session is gone; the new one (from the link) works.
		expect((await get('/fr/account', amel.cookie)).statusCode).toBe(303);
		expect((await get('/fr/account', fresh)).statusCode).toBe(200);
		expect(h.t.db.select().from(session).where(eq(session.userId, amel.id)).all()).toHaveLength(1);
		const signIn = await postForm(h.app, '/fr/signin', {
			email: 'amel@example.tn',
			password: 'une nouvelle phrase'
		});
		expect(signIn.statusCode).toBe(303);
		const actions = h.t.db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(and(eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, amel.id)))
			.all()
			.map((a) => a.action);
		expect(actions).toContain('user.password_reset_requested');
		expect(actions).toContain('user.password_link_used');

		// A used link is refused, with a way to ask for a new one.
		const again = await get(`/fr/set-password/${token}`);
		expect(again.body).toContain('n’est plus valable');
		expect(again.body).toContain('href="/fr/forgot-password"');
		const reuse = await postForm(h.app, `/fr/set-password/${token}`, {
			password: 'encore une phrase'
		});
		expect(reuse.statusCode).toBe(403);
		expect(reuse.body).toContain('n’est plus valable');
	});

	it('refuses a link older than one hour', async () => {
		const sami = await signedIn(h.app, h.t.db, 'sami@example.tn', 'learner');
		const token = issuePasswordLink(h.t.db, {
			userId: sami.id,
			purpose: 'reset-password',
			now: new Date(Date.now() - 61 * 60_000)
		});
		const page = await get(`/fr/set-password/${token}`);
		expect(page.body).toContain('n’est plus valable');
		expect(page.body).not.toContain('name="password"');
		const post = await postForm(h.app, `/fr/set-password/${token}`, {
			password: 'une phrase valable'
		});
		expect(post.statusCode).toBe(403);
	});

	it('gives an unknown email the same answer, and sends nothing', async () => {
		const known = await postForm(h.app, '/fr/forgot-password', { email: 'sami@example.tn' });
		const unknown = await postForm(h.app, '/fr/forgot-password', { email: 'nobody@example.tn' });
		expect(unknown.statusCode).toBe(known.statusCode);
		expect(notice(unknown.body)).toBe(notice(known.body));
		await smtp.waitFor('sami@example.tn');
		expect(smtp.messages.some((m) => m.to.includes('nobody@example.tn'))).toBe(false);
	});

	it('refuses a malformed email with a message, and makes an address that keeps asking wait', async () => {
		const bad = await postForm(h.app, '/fr/forgot-password', { email: 'pas une adresse' });
		expect(bad.statusCode).toBe(400);
		let last = bad;
		for (let i = 0; i < 4; i++)
			last = await postForm(h.app, '/fr/forgot-password', { email: `x${String(i)}@example.tn` });
		expect(last.statusCode).toBe(429);
		expect(last.headers['retry-after']).toBeDefined();
		expect(last.body).toMatch(/Trop de tentatives|minute/);
	});
});

describe('without mail: an admin’s link, and the command line', () => {
	let plain: TestApp;
	beforeAll(async () => {
		plain = await buildTestApp({ kit: true, env: { ORIGIN } });
	});
	afterAll(() => plain.close());

	it('the form says to ask an administrator instead of promising a mail', async () => {
		const page = await plain.app.inject({
			url: '/fr/forgot-password',
			headers: { accept: 'text/html' }
		});
		expect(page.body).toContain('n’envoie pas d’e-mails');
		expect(page.body).not.toContain('name="email"');
	});

	it('an admin makes a one-time link from the user’s row; a learner may not', async () => {
		const admin = await signedIn(plain.app, plain.t.db, 'admin@example.tn', 'admin');
		const nour = await signedIn(plain.app, plain.t.db, 'nour@example.tn', 'learner');
		const list = await plain.app.inject({ url: '/fr/admin', headers: { cookie: admin.cookie } });
		expect(list.body).toContain('action="?/resetLink"');
		const made = await postForm(
			plain.app,
			'/fr/admin?/resetLink',
			{ userId: nour.id },
			admin.cookie
		);
		expect(made.statusCode).toBe(200);
		const link = linkIn(made.body);
		expect(link).not.toBeNull();
		const used = await postForm(plain.app, `/fr/set-password/${link![2]!}`, {
			password: 'la phrase de Nour'
		});
		expect(used.statusCode).toBe(303);
		expect(
			(await plain.app.inject({ url: '/fr/account', headers: { cookie: nour.cookie } })).statusCode
		).toBe(303);
		const audit = plain.t.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'user.password_link_created'))
			.get();
		expect(audit?.actorId).toBe(admin.id);
		const other = await signedIn(plain.app, plain.t.db, 'other@example.tn', 'learner');
		const refused = await postForm(
			plain.app,
			'/fr/admin?/resetLink',
			{ userId: admin.id },
			other.cookie
		);
		expect(refused.statusCode).toBe(403);
	});

	it('npm run user:reset-link prints a working link from ORIGIN, and exits 2 for an unknown email', async () => {
		const cli = (args: string[]) =>
			run('npx', ['tsx', 'src/cli/user-reset-link.ts', ...args], {
				env: { ...process.env, DATABASE_URL: plain.t.file, ORIGIN }
			}).then(
				(r) => ({ code: 0, ...r }),
				(e: unknown) => e as { code: number; stdout: string; stderr: string }
			);
		await signedIn(plain.app, plain.t.db, 'lina@example.tn', 'learner');
		const ok = await cli(['--email', 'LINA@example.tn']);
		expect(ok.code).toBe(0);
		const link = linkIn(ok.stdout);
		expect(link).not.toBeNull();
		const page = await plain.app.inject({
			url: `/fr/set-password/${link![2]!}`,
			headers: { accept: 'text/html' }
		});
		expect(page.body).toContain('name="password"');
		const missing = await cli(['--email', 'nobody@example.tn']);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('No account with nobody@example.tn');
	}, 60_000);
});
