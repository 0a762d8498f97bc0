import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm } from '../../helpers/forms.ts';
import { user } from '../../../src/lib/server/db/schema/index.ts';
import { createUser } from '../../../src/lib/server/accounts/users.ts';

// Regression test for issue 9 #10: 2,000 self-registered users made /admin take over a second.
let h: TestApp;
let cookie: string;
beforeAll(async () => {
	h = await buildTestApp({ kit: true });
	const admin = { email: 'admin@example.tn', password: 'une phrase de passe' };
	await createUser(h.t.db, {
		...admin,
		name: 'Admin',
		role: 'admin',
		locale: 'fr',
		position: null,
		gender: null,
		governorateId: null,
		municipalityId: null
	});
	const now = new Date();
	h.t.db
		.insert(user)
		.values(
			Array.from({ length: 130 }, (_v, i) => ({
				id: `u${String(i).padStart(4, '0')}`,
				email: `learner${i}@example.tn`,
				name: `Learner ${String(i).padStart(3, '0')}`,
				passwordHash: 'x',
				role: 'learner' as const,
				locale: 'fr' as const,
				createdAt: now,
				updatedAt: now
			}))
		)
		.run();
	cookie = cookiesFrom((await postForm(h.app, '/fr/signin', admin)).headers);
});
afterAll(() => h.close());

const names = (body: string) =>
	[...body.matchAll(/<td>(Learner \d{3}|Admin)<\/td>/g)].map((m) => m[1]);
const nextLink = (body: string) =>
	/<a[^>]*href="([^"]*after=[^"]*)"/.exec(body)?.[1]?.replaceAll('&amp;', '&');

describe('admin user list is unbounded (issue 9 #10)', () => {
	it('shows one page at a time, with a plain link to the next', async () => {
		const first = await h.app.inject({ url: '/fr/admin', headers: { cookie } });
		expect(first.statusCode).toBe(200);
		const page1 = names(first.body);
		expect(page1.length).toBe(50);
		const link = nextLink(first.body);
		expect(link).toBeTruthy();
		const next = new URL(link ?? '', 'http://localhost/fr/admin');
		const second = await h.app.inject({ url: next.pathname + next.search, headers: { cookie } });
		const page2 = names(second.body);
		expect(page2.length).toBe(50);
		expect(page2.filter((n) => page1.includes(n))).toEqual([]);
		expect([...page1, ...page2]).toEqual([...page1, ...page2].sort());
	});

	it('finds users by name or email', async () => {
		const byEmail = await h.app.inject({
			url: '/fr/admin?q=learner7%40example',
			headers: { cookie }
		});
		expect(names(byEmail.body)).toEqual(['Learner 007']);
		const byName = await h.app.inject({ url: '/fr/admin?q=Learner+12', headers: { cookie } });
		expect(names(byName.body)).toEqual([
			'Learner 120',
			'Learner 121',
			'Learner 122',
			'Learner 123',
			'Learner 124',
			'Learner 125',
			'Learner 126',
			'Learner 127',
			'Learner 128',
			'Learner 129'
		]);
		const none = await h.app.inject({ url: '/fr/admin?q=%25', headers: { cookie } });
		expect(names(none.body)).toEqual([]);
	});
});
