// GET /api/v1/reports with personal access tokens: the page's figures and suppression, the
// token's owner's scope, clear refusals, and the account page that creates and revokes tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm } from '../../helpers/forms.ts';
import { createUser } from '../../../src/lib/server/accounts/users.ts';
import { createCohort } from '../../../src/lib/server/cohorts/cohorts.ts';
import { addMember } from '../../../src/lib/server/cohorts/members.ts';
import {
	createAccessToken,
	LAST_USED_EVERY,
	validateAccessToken
} from '../../../src/lib/server/auth/access-token.ts';
import type { SessionUser } from '../../../src/lib/server/auth/session.ts';
import {
	accessToken,
	auditLog,
	courseRole,
	user
} from '../../../src/lib/server/db/schema/index.ts';
import { hashToken } from '../../../src/lib/server/auth/token.ts';
import { exportPersonalData } from '../../../src/lib/server/privacy/export.ts';
import { eraseAccount } from '../../../src/lib/server/privacy/erase.ts';
import { seedReportFixture } from './fixture.ts';

let h: TestApp;
let courseId: number;
const people: Record<string, SessionUser> = {};
const cookie: Record<string, string> = {};

const account = async (name: string, role: 'partner' | 'learner' | 'trainer' | 'admin') => {
	const email = `${name}@example.tn`;
	const u = await createUser(h.t.db, {
		email,
		name,
		password: 'a long passphrase',
		locale: 'fr',
		role,
		position: null,
		governorateId: null,
		municipalityId: null,
		gender: null
	});
	people[name] = { id: u.id, email, name, role, locale: 'fr' };
	const res = await postForm(h.app, '/fr/signin', { email, password: 'a long passphrase' });
	cookie[name] = cookiesFrom(res.headers);
};

const tokenFor = (name: string, days = 90) =>
	createAccessToken(h.t.db, {
		actor: people[name]!,
		name: 'dashboard',
		scopes: ['reports:read'],
		days
	}).token;

/** A cohort of the fixture's course run by `trainer`, with these learners; its id. */
const cohortOf = (trainer: string, learners: string[], name = `Cohort of ${trainer}`) => {
	const c = createCohort(h.t.db, {
		actor: people[trainer]!,
		courseId,
		input: { name }
	});
	for (const userId of learners)
		addMember(h.t.db, { cohortId: c.id, userId, method: 'picked', actorId: people[trainer]!.id });
	return c.id;
};

const api = (url: string, token?: string) =>
	h.app.inject({ url, headers: token ? { authorization: `Bearer ${token}` } : {} });

type Body = {
	k: number;
	breakdown: string[];
	rows: { level: string; keys: (string | null)[]; values: Record<string, unknown> }[];
	error?: string;
	message?: string;
};

beforeAll(async () => {
	h = await buildTestApp({ kit: true });
	({ courseId } = seedReportFixture(h.t.db));
	await account('partner', 'partner');
	await account('learner', 'learner');
	await account('trainer', 'trainer');
	await account('other', 'trainer');
});
afterAll(() => h.close());

describe('GET /api/v1/reports with a personal access token', () => {
	it('gives the figures of the page and its CSV, with the same cells suppressed as "< 5"', async () => {
		const query = `course=${String(courseId)}&by=governorate`;
		const res = await api(`/api/v1/reports?${query}`, tokenFor('partner'));
		expect(res.statusCode).toBe(200);
		const body = res.json<Body>();
		expect(body.k).toBe(5);
		expect(body.breakdown).toEqual(['governorate']);
		const row = (key: string | null) => body.rows.find((r) => r.keys[0] === key);
		expect(row('TN-11')?.values.enrolled).toBe(6);
		expect(row('TN-61')?.values.enrolled).toBe('< 5');
		expect(row('not-stated')?.values.enrolled).toBe('< 5');
		// A rate from a hidden count is not shown.
		expect(row('TN-61')?.values.completionRate).toBeNull();
		expect(row(null)?.level).toBe('total');
		expect(row(null)?.values.enrolled).toBe(10);
		expect(JSON.stringify(body)).not.toMatch(/"enrolled":3\b/);

		const csv = await h.app.inject({
			url: `/fr/reports/export?${query}&format=csv`,
			headers: { cookie: cookie.partner ?? '' }
		});
		// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- parse<T> demands `columns`
		const rows = parse(csv.body.slice(1), { relax_column_count: true }) as string[][];
		const cells = (label: string) => rows.find((r) => r[0] === label)?.slice(1, 6);
		const fromApi = (key: string | null) =>
			['enrolled', 'started', 'completed', 'certified', 'completionRate'].map((c) => {
				const v = row(key)?.values[c];
				return typeof v === 'number' || typeof v === 'string' ? String(v) : '';
			});
		expect(fromApi('TN-11')).toEqual(cells('Tunis'));
		expect(fromApi('TN-61')).toEqual(cells('Sfax'));
		expect(fromApi(null)).toEqual(cells('Total'));
	});

	it('refuses a revoked token with 401 and says it was revoked', async () => {
		const { token, summary } = createAccessToken(h.t.db, {
			actor: people.partner!,
			name: 'old',
			scopes: ['reports:read']
		});
		expect((await api('/api/v1/reports', token)).statusCode).toBe(200);
		h.t.db
			.update(accessToken)
			.set({ revokedAt: new Date() })
			.where(eq(accessToken.id, summary.id))
			.run();
		const res = await api('/api/v1/reports', token);
		expect(res.statusCode).toBe(401);
		expect(res.json<Body>()).toMatchObject({ error: 'TOKEN_REVOKED' });
		expect(res.json<Body>().message).toMatch(/revoked/);
		expect(res.headers['www-authenticate']).toContain('invalid_token');
	});

	it('refuses an expired token, an unknown one and a malformed header with 401', async () => {
		const { token } = createAccessToken(h.t.db, {
			actor: people.partner!,
			name: 'short',
			scopes: ['reports:read'],
			days: 1,
			now: new Date(Date.now() - 2 * 86_400_000)
		});
		expect((await api('/api/v1/reports', token)).json<Body>().error).toBe('TOKEN_EXPIRED');
		expect((await api('/api/v1/reports', `${token}x`)).json<Body>().error).toBe('INVALID_TOKEN');
		const basic = await h.app.inject({
			url: '/api/v1/reports',
			headers: { authorization: 'Basic dXNlcjpwYXNz' }
		});
		expect(basic.statusCode).toBe(401);
		const none = await api('/api/v1/reports');
		expect(none.statusCode).toBe(401);
		expect(none.json<Body>().message).toMatch(/Bearer/);
	});

	it('refuses a token without the reports:read scope with 403', async () => {
		const { token, summary } = createAccessToken(h.t.db, {
			actor: people.partner!,
			name: 'scoped',
			scopes: ['reports:read']
		});
		h.t.db
			.update(accessToken)
			.set({ scopes: 'other:read' })
			.where(eq(accessToken.id, summary.id))
			.run();
		const res = await api('/api/v1/reports', token);
		expect(res.statusCode).toBe(403);
		expect(res.json<Body>()).toMatchObject({ error: 'INSUFFICIENT_SCOPE' });
		expect(res.headers['www-authenticate']).toContain('scope="reports:read"');
	});

	it('refuses the token of a partner who was made a learner since (403)', async () => {
		await account('former', 'partner');
		const token = tokenFor('former');
		expect((await api('/api/v1/reports', token)).statusCode).toBe(200);
		h.t.db.update(user).set({ role: 'learner' }).where(eq(user.id, people.former!.id)).run();
		expect((await api('/api/v1/reports', token)).statusCode).toBe(403);
	});

	it('lets a learner create no reports:read token', () => {
		expect(() => tokenFor('learner')).toThrow(/forbidden/);
	});

	it('shows a trainer only the learners of the cohorts they run, as the page does', async () => {
		// A course trainer who runs no cohort sees no one (issue 14: trainers see their cohorts).
		h.t.db
			.insert(courseRole)
			.values({ courseId, userId: people.trainer!.id, role: 'trainer', createdAt: new Date() })
			.run();
		const none = await api(`/api/v1/reports?course=${String(courseId)}`, tokenFor('trainer'));
		expect(none.statusCode).toBe(200);
		expect(none.json<Body>().rows[0]?.values.enrolled).toBe('< 5');
		expect((await api('/api/v1/reports/courses', tokenFor('trainer'))).json()).toMatchObject({
			courses: [],
			cohorts: []
		});
		const x = cohortOf('trainer', ['L1', 'L2', 'L3', 'L4', 'L5', 'L6']);
		const mine = await api(`/api/v1/reports?course=${String(courseId)}`, tokenFor('trainer'));
		expect(mine.json<Body>().rows[0]?.values.enrolled).toBe(6);
		const choices = await api('/api/v1/reports/courses?locale=fr', tokenFor('trainer'));
		const body = choices.json<{ courses: { id: number }[]; cohorts: { id: number }[] }>();
		expect(body.courses.map((c) => c.id)).toEqual([courseId]);
		expect(body.cohorts.map((c) => c.id)).toEqual([x]);
	});

	it('narrows to one cohort, for partners any, for a trainer only their own (IDOR: 404)', async () => {
		const y = cohortOf('other', ['L1', 'L2', 'L3', 'L4', 'L5', 'L7', 'L8']);
		const partner = await api(`/api/v1/reports?cohort=${String(y)}`, tokenFor('partner'));
		expect(partner.json<Body>().rows[0]?.values.enrolled).toBe(7);
		const own = await api(`/api/v1/reports?cohort=${String(y)}`, tokenFor('other'));
		expect(own.json<Body>().rows[0]?.values.enrolled).toBe(7);
		// Another trainer's cohort, and one that does not exist: the same 404.
		const probe = await api(`/api/v1/reports?cohort=${String(y)}`, tokenFor('trainer'));
		expect(probe.statusCode).toBe(404);
		expect((await api('/api/v1/reports?cohort=999999', tokenFor('trainer'))).statusCode).toBe(404);
		expect((await api('/api/v1/reports?cohort=x', tokenFor('partner'))).statusCode).toBe(400);
		// The page and its exports read the same rule.
		const page = await h.app.inject({
			url: `/fr/reports/export?format=csv&cohort=${String(y)}`,
			headers: { cookie: cookie.trainer ?? '' }
		});
		expect(page.statusCode).toBe(404);
	});

	it('answers a bad filter with 400 and a message, never 500', async () => {
		const res = await api('/api/v1/reports?from=2026-99-99', tokenFor('partner'));
		expect(res.statusCode).toBe(400);
		expect(res.json<Body>()).toMatchObject({ error: 'REPORT_PERIOD_INVALID', field: 'from' });
		expect((await api('/api/v1/reports?by=name', tokenFor('partner'))).statusCode).toBe(400);
	});

	it('reads completion months and breaks down by cohort; a bad month is 400 naming the field', async () => {
		const partner = tokenFor('partner');
		const bad = await api('/api/v1/reports?completedFrom=2026-13', partner);
		expect(bad.statusCode).toBe(400);
		expect(bad.json<Body>()).toMatchObject({
			error: 'REPORT_PERIOD_INVALID',
			field: 'completedFrom'
		});
		const order = await api('/api/v1/reports?completedFrom=2026-05&completedTo=2026-04', partner);
		expect(order.statusCode).toBe(400);
		expect(order.json<Body>()).toMatchObject({
			error: 'REPORT_PERIOD_ORDER',
			field: 'completedTo'
		});
		expect(order.json<Body>().message).toContain('الشهر الأخير');

		const course = `course=${String(courseId)}`;
		const jan = await api(
			`/api/v1/reports?${course}&completedFrom=2026-01&completedTo=2026-01`,
			partner
		);
		expect(jan.statusCode).toBe(200);
		expect(jan.json<Body>().rows.at(-1)?.values.enrolled).toBe(5);

		const mine = cohortOf('trainer', ['L1', 'L2', 'L3'], 'Mine');
		const theirs = cohortOf('other', ['L1', 'L7'], 'Theirs');
		const all = (await api(`/api/v1/reports?${course}&by=cohort`, partner)).json<Body>();
		const keys = all.rows.map((r) => r.keys[0]);
		expect(keys).toEqual(expect.arrayContaining([String(mine), String(theirs), 'no-cohort', null]));
		// Totals count each learner once, whatever the cohorts.
		expect(all.rows.at(-1)?.values.enrolled).toBe(10);
		const other = (
			await api(`/api/v1/reports?${course}&by=cohort`, tokenFor('other'))
		).json<Body>();
		const otherKeys = other.rows.map((r) => r.keys[0]);
		expect(otherKeys).toContain(String(theirs));
		expect(otherKeys).not.toContain(String(mine));
		expect(otherKeys).not.toContain('no-cohort');
	});

	it('writes last_used_at at most once a minute', () => {
		const token = tokenFor('partner');
		// This token's own row, from the real clock: a fixed date became the past (and other tokens'
		// later uses the maximum) once the calendar passed it.
		const t0 = new Date(Date.now() + 60_000);
		const lastUsed = () =>
			h.t.db
				.select({ at: accessToken.lastUsedAt })
				.from(accessToken)
				.where(eq(accessToken.tokenHash, hashToken(token)))
				.get()
				?.at?.getTime();
		expect(validateAccessToken(h.t.db, token, t0).status).toBe('valid');
		expect(lastUsed()).toBe(t0.getTime());
		validateAccessToken(h.t.db, token, new Date(t0.getTime() + 30_000));
		expect(lastUsed()).toBe(t0.getTime());
		validateAccessToken(h.t.db, token, new Date(t0.getTime() + LAST_USED_EVERY));
		expect(lastUsed()).toBe(t0.getTime() + LAST_USED_EVERY);
	});
});

describe('/account/tokens', () => {
	it('creates a token shown once, lists it without the secret, and revokes it (audited)', async () => {
		const created = await postForm(
			h.app,
			'/fr/account/tokens?/create',
			{ name: 'Tableau du ministère', scope: 'reports:read', days: '90' },
			cookie.partner
		);
		expect(created.statusCode).toBe(200);
		const token = /data-testid="new-token"[^>]*>(tamkeen_[a-z2-7]+)</.exec(created.body)?.[1];
		expect(token).toBeTruthy();
		expect((await api('/api/v1/reports', token)).statusCode).toBe(200);

		const list = await h.app.inject({
			url: '/fr/account/tokens',
			headers: { cookie: cookie.partner ?? '' }
		});
		expect(list.body).toContain('Tableau du ministère');
		expect(list.body).not.toContain(token!);
		const id = h.t.db
			.select({ id: accessToken.id })
			.from(accessToken)
			.where(eq(accessToken.name, 'Tableau du ministère'))
			.get()?.id;

		// Someone else cannot revoke it: it is not theirs.
		const stranger = await postForm(
			h.app,
			'/fr/account/tokens?/revoke',
			{ id: id! },
			cookie.learner
		);
		expect(stranger.statusCode).toBe(404);
		expect((await api('/api/v1/reports', token)).statusCode).toBe(200);

		const revoked = await postForm(
			h.app,
			'/fr/account/tokens?/revoke',
			{ id: id! },
			cookie.partner
		);
		expect(revoked.statusCode).toBe(200);
		expect(revoked.body).toContain('est révoqué');
		expect((await api('/api/v1/reports', token)).statusCode).toBe(401);
		const actions = h.t.db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.subjectId, id!))
			.all()
			.map((a) => a.action);
		expect(actions).toEqual(['access_token.create', 'access_token.revoke']);
	});

	it('refuses an empty name or an expiry past a year with 400 and a message', async () => {
		const empty = await postForm(
			h.app,
			'/fr/account/tokens?/create',
			{ name: '', scope: 'reports:read', days: '90' },
			cookie.partner
		);
		expect(empty.statusCode).toBe(400);
		const long = await postForm(
			h.app,
			'/fr/account/tokens?/create',
			{ name: 'x', scope: 'reports:read', days: '3650' },
			cookie.partner
		);
		expect(long.statusCode).toBe(400);
	});

	it('offers a learner no scope, and refuses their post with 403', async () => {
		const page = await h.app.inject({
			url: '/fr/account/tokens',
			headers: { cookie: cookie.learner ?? '' }
		});
		expect(page.statusCode).toBe(200);
		expect(page.body).not.toContain('action="?/create"');
		const post = await postForm(
			h.app,
			'/fr/account/tokens?/create',
			{ name: 'x', scope: 'reports:read', days: '90' },
			cookie.learner
		);
		expect(post.statusCode).toBe(403);
	});

	it('exports tokens without their hashes and deletes them on erasure', async () => {
		await account('leaving', 'partner');
		const token = tokenFor('leaving');
		const data = exportPersonalData(h.t.db, { userId: people.leaving!.id });
		const section = data.sections.find((s) => s.key === 'accessTokens');
		expect(section?.rows).toHaveLength(1);
		expect(JSON.stringify(data)).not.toMatch(/[0-9a-f]{64}/);
		eraseAccount(h.t.db, { userId: people.leaving!.id, actorId: people.leaving!.id });
		expect((await api('/api/v1/reports', token)).statusCode).toBe(401);
		const left = h.t.db
			.select()
			.from(accessToken)
			.where(eq(accessToken.userId, people.leaving!.id))
			.all();
		expect(left).toEqual([]);
	});
});
