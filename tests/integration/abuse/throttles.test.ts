import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cookiesFrom, type TestApp } from '../../helpers/app.ts';
import { ORIGIN, registration } from '../../helpers/forms.ts';

// Regression tests for issue 9, defects 6, 7 and 14: who can be slowed down, and by whom.
let h: TestApp;
beforeAll(async () => (h = await buildTestApp({ kit: true })));
afterAll(() => h.close());

/** A urlencoded form post from a given client address. */
function post(url: string, fields: Record<string, string>, from: string, cookie = '') {
	return h.app.inject({
		method: 'POST',
		url,
		remoteAddress: from,
		headers: {
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			origin: ORIGIN,
			...(cookie ? { cookie } : {})
		},
		payload: new URLSearchParams(fields).toString()
	});
}

async function newAccount(from = '192.0.2.1') {
	const fields = registration();
	const res = await post('/en/register', fields, from);
	expect(res.statusCode).toBe(303);
	return { ...fields, cookie: cookiesFrom(res.headers) };
}

describe('anyone can lock any account (issue 9 #6)', () => {
	it('lets the owner in from their usual address while strangers keep guessing', async () => {
		const owner = await newAccount('192.0.2.10');
		for (let a = 1; a <= 8; a++)
			for (let i = 0; i < 6; i++)
				await post(
					'/en/signin',
					{ email: owner.email, password: `guess ${a}.${i}` },
					`203.0.113.${a}`
				);
		const res = await post(
			'/en/signin',
			{ email: owner.email, password: owner.password },
			'192.0.2.10'
		);
		expect(res.statusCode).toBe(303);
	});

	it('slows down the guessing address, with the same message for unknown and known emails', async () => {
		const owner = await newAccount();
		const answers = [];
		for (const email of [owner.email, `nobody.${owner.email}`]) {
			for (let i = 0; i < 5; i++)
				expect(
					(await post('/en/signin', { email, password: `guess ${i}` }, '198.51.100.7')).statusCode
				).toBe(400);
			answers.push(await post('/en/signin', { email, password: owner.password }, '198.51.100.7'));
		}
		for (const res of answers) {
			expect(res.statusCode).toBe(429);
			expect(res.body).toMatch(/Too many attempts\. Wait \d+ minutes/);
		}
	});
});

describe('wrong current password on password change is never throttled (issue 9 #7)', () => {
	it('refuses the right current password after repeated wrong ones, and changes nothing', async () => {
		const me = await newAccount('192.0.2.20');
		const change = (current: string) =>
			post(
				'/fr/account?/password',
				{ current, next: 'une autre phrase de passe' },
				'192.0.2.20',
				me.cookie
			);
		for (let i = 0; i < 5; i++) expect((await change(`faux ${i} essai`)).statusCode).toBe(400);
		const res = await change(me.password);
		expect(res.statusCode).toBe(429);
		expect(res.body).toContain('Trop de tentatives');
		const old = await post('/fr/signin', { email: me.email, password: me.password }, '192.0.2.21');
		expect(old.statusCode).toBe(303);
	});
});

describe('registration reveals which emails have accounts (issue 9 #14)', () => {
	it('stops answering "already in use" to one address after a few tries', async () => {
		const taken = await newAccount();
		const statuses = [];
		for (let i = 0; i < 7; i++)
			statuses.push(
				(await post('/en/register', { ...registration(), email: taken.email }, '198.51.100.99'))
					.statusCode
			);
		expect(statuses.slice(0, 5)).toEqual([409, 409, 409, 409, 409]);
		expect(statuses.slice(5)).toEqual([429, 429]);
		const fresh = await post('/en/register', registration(), '198.51.100.99');
		expect(fresh.statusCode).toBe(429);
		expect((await post('/en/register', registration(), '198.51.100.100')).statusCode).toBe(303);
	});
});
