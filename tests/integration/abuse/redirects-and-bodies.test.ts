import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { ORIGIN, postForm, registration } from '../../helpers/forms.ts';

// Regression tests for issue 9, defects 1–3: hostile `next` targets and unreadable form bodies.
let h: TestApp;
let account: { email: string; password: string };
beforeAll(async () => {
	h = await buildTestApp({ kit: true });
	const fields = registration();
	await postForm(h.app, '/en/register', fields);
	account = { email: fields.email, password: fields.password };
});
afterAll(() => h.close());

const signIn = (next: string) =>
	postForm(h.app, `/en/signin?next=${next}`, account).then((res) => ({
		status: res.statusCode,
		location: res.headers.location
	}));

describe('open redirect after sign-in (issue 9 #1)', () => {
	it('sends a `next` with a tab, newline or backslash home instead of off-site', async () => {
		for (const next of ['%2F%09%2Fevil.example', '%2F%5C%2Fevil.example', '%09%2F%2Fevil.example'])
			expect(await signIn(next)).toEqual({ status: 303, location: '/en' });
	});

	it('still follows a same-site `next` with its query', async () => {
		expect(await signIn('%2Fen%2Fcourses%3Fq%3Dbudget')).toEqual({
			status: 303,
			location: '/en/courses?q=budget'
		});
	});
});

describe('500 on control characters in next (issue 9 #2)', () => {
	it('answers 303 home, never 500, for control characters and odd dots', async () => {
		for (const next of ['%2F%0A%2Fx', '%2F%0B%2Fx', '%2F%0D%2Fx', '%2F%E3%80%82', '%2F%00'])
			expect((await signIn(next)).status).toBe(303);
		expect((await signIn('%2F%0A%2Fx')).location).toBe('/en');
	});
});

describe('500 on form actions with a text/plain or truncated multipart body (issue 9 #3)', () => {
	it('answers 415 with the localised message to a text/plain post, signed in or not', async () => {
		for (const url of ['/fr/verify?/credential', '/fr/signin', '/fr/register']) {
			const res = await h.app.inject({
				method: 'POST',
				url,
				headers: { 'content-type': 'text/plain', origin: ORIGIN, accept: 'text/html' },
				payload: 'credential=x'
			});
			expect(res.statusCode, url).toBe(415);
			expect(res.body).toContain('Le formulaire envoyé');
		}
	});

	it('answers 400 with the localised message to a truncated multipart body', async () => {
		const boundary = '----cut';
		const res = await h.app.inject({
			method: 'POST',
			url: '/ar/signin',
			headers: {
				'content-type': `multipart/form-data; boundary=${boundary}`,
				origin: ORIGIN,
				accept: 'text/html'
			},
			payload: `--${boundary}\r\ncontent-disposition: form-data; name="email"\r\n\r\nab`
		});
		expect(res.statusCode).toBe(400);
		expect(res.body).toContain('النموذج المرسل');
	});
});
