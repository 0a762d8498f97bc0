import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { ORIGIN, postForm, registration } from '../../helpers/forms.ts';

let h: TestApp;
let session: string;
beforeAll(async () => {
	h = await buildTestApp({ kit: true });
	session = cookiesFrom((await postForm(h.app, '/fr/register', registration())).headers);
});
afterAll(() => h.close());

// A write that needs the session: 404 "open the lesson first" once it is let through.
const URL = '/api/v1/me/lessons/999/scroll';
const write = (headers: Record<string, string>, body = JSON.stringify({ scroll: 0.5 })) =>
	h.app.inject({
		method: 'POST',
		url: URL,
		headers: { 'content-type': 'application/json', ...headers },
		payload: body
	});

describe('cross-site API writes', () => {
	it('refuses a cross-site API write that carries the session cookie (issue 9 #13)', async () => {
		const refused: Record<string, string>[] = [
			{ origin: 'https://evil.example' },
			{ origin: 'null' },
			{ 'sec-fetch-site': 'cross-site' },
			{ 'sec-fetch-site': 'same-site', origin: 'http://sub.localhost' },
			// An old browser's cross-site form post sends neither header.
			{ 'content-type': 'application/x-www-form-urlencoded' },
			{ 'content-type': 'text/plain' }
		];
		for (const headers of refused) {
			const res = await write({ cookie: session, ...headers }, 'scroll=0.5');
			expect(res.statusCode, JSON.stringify(headers)).toBe(403);
			expect(res.headers['content-type']).toMatch(/application\/json/);
			expect(res.json()).toMatchObject({ error: 'CROSS_SITE_REQUEST' });
		}
	});

	it('lets same-origin writes through, from the page and from non-browser clients', async () => {
		const allowed: Record<string, string>[] = [
			{ origin: ORIGIN, 'sec-fetch-site': 'same-origin' },
			{ origin: 'http://localhost:3000' },
			{}
		];
		for (const headers of allowed) {
			const res = await write({ cookie: session, ...headers });
			expect(res.statusCode, JSON.stringify(headers)).toBe(404);
			expect(res.json()).toMatchObject({ error: 'NOT_FOUND' });
		}
	});

	it('does not judge requests without the session cookie, nor reads', async () => {
		const anonymous = await write({ origin: 'https://evil.example' });
		expect(anonymous.statusCode).toBe(401);
		const read = await h.app.inject({
			url: '/api/v1/me',
			headers: { cookie: session, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }
		});
		expect(read.statusCode).toBe(200);
	});
});
