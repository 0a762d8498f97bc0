import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { postForm, registration } from '../../helpers/forms.ts';

let h: TestApp;
let session: string;
beforeAll(async () => {
	h = await buildTestApp({ kit: true });
	session = cookiesFrom((await postForm(h.app, '/fr/register', registration())).headers);
});
afterAll(() => h.close());

const get = (url: string, cookie?: string) =>
	h.app.inject({ url, headers: cookie ? { cookie } : {} });

describe('Cache-Control', () => {
	it('keeps pages and API answers for a signed-in user out of every cache (issue 9 #12)', async () => {
		expect(session).toContain('tamkeen_session=');
		for (const url of ['/fr', '/fr/account', '/api/v1/me', '/api/v1/courses']) {
			const res = await get(url, session);
			expect(res.statusCode, url).toBe(200);
			expect(res.headers['cache-control'], url).toBe('private, no-store');
		}
	});

	it('marks every response that sets a cookie private, no-store', async () => {
		const signIn = await postForm(h.app, '/fr/register', registration());
		expect(signIn.headers['set-cookie']).toBeTruthy();
		expect(signIn.headers['cache-control']).toBe('private, no-store');
		// A first visit sets the language cookie.
		const first = await get('/ar');
		expect(String(first.headers['set-cookie'])).toContain('tamkeen_locale=ar');
		expect(first.headers['cache-control']).toBe('private, no-store');
	});

	it('leaves anonymous pages alone and keeps built assets cacheable for everyone', async () => {
		const anonymous = await get('/fr', 'tamkeen_locale=fr');
		expect(anonymous.headers['set-cookie']).toBeUndefined();
		expect(String(anonymous.headers['cache-control'])).not.toContain('private');

		const dir = path.resolve('build/client/_app/immutable/entry');
		const file = fs.readdirSync(dir).find((f) => f.endsWith('.js'));
		const asset = await get(`/_app/immutable/entry/${String(file)}`, session);
		expect(asset.statusCode).toBe(200);
		expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		const jwks = await get('/.well-known/jwks.json', session);
		expect(jwks.headers['cache-control']).toBe('public, max-age=300');
	});
});
