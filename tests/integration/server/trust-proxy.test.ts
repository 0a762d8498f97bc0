import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, user } from '../../../src/lib/server/db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { ORIGIN, registration } from '../../helpers/forms.ts';

const PROXY = '10.0.0.2';
const LIMIT = 5;

let h: TestApp;
beforeAll(
	async () =>
		(h = await buildTestApp({
			kit: true,
			env: { TRUST_PROXY: PROXY, RATE_LIMIT_PER_MINUTE: String(LIMIT) }
		}))
);
afterAll(() => h.close());

const get = (remoteAddress: string, forwardedFor: string) =>
	h.app.inject({
		url: '/api/v1/courses',
		remoteAddress,
		headers: { 'x-forwarded-for': forwardedFor }
	});

const post = (url: string, fields: Record<string, string>, remoteAddress: string, xff: string) =>
	h.app.inject({
		method: 'POST',
		url,
		remoteAddress,
		headers: {
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			origin: ORIGIN,
			'x-forwarded-for': xff
		},
		payload: new URLSearchParams(fields).toString()
	});

/** Everything the sign-in throttle stores, whatever its tables look like. */
function throttleState(): string {
	const client = h.t.db.$client;
	const tables = client
		.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%throttle%'")
		.all() as { name: string }[];
	expect(tables.length).toBeGreaterThan(0);
	return JSON.stringify(tables.map(({ name }) => client.prepare(`SELECT * FROM "${name}"`).all()));
}

/** The addresses recorded for a user's sign-ins. */
function signInAddresses(email: string): (string | null)[] {
	const id = h.t.db.select().from(user).where(eq(user.email, email)).get()?.id ?? 'missing';
	return h.t.db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.action, 'session.sign_in'), eq(auditLog.subjectId, id)))
		.all()
		.map((r) => r.ip);
}

describe('TRUST_PROXY', () => {
	it('ignores X-Forwarded-For from an address that is not a trusted proxy (issue 9 #8)', async () => {
		const client = '203.0.113.7';
		const statuses: number[] = [];
		for (let i = 0; i < LIMIT + 2; i++)
			statuses.push((await get(client, `198.51.100.${i + 1}`)).statusCode);
		expect(statuses).toEqual([...Array<number>(LIMIT).fill(200), 429, 429]);
	});

	it('takes the client’s address from a trusted proxy’s X-Forwarded-For', async () => {
		for (let i = 0; i < LIMIT + 2; i++)
			expect((await get(PROXY, `198.51.100.${100 + i}`)).statusCode).toBe(200);
		const statuses: number[] = [];
		for (let i = 0; i < LIMIT + 1; i++)
			statuses.push((await get(PROXY, '198.51.100.200')).statusCode);
		expect(statuses.at(-1)).toBe(429);
	});

	it('keys sign-in throttling and the audit trail on the real address, not a spoofed header (issue 9 #8)', async () => {
		const fields = registration({ locale: 'en' });
		expect((await post('/en/register', fields, '192.0.2.10', '192.0.2.99')).statusCode).toBe(303);
		const client = '203.0.113.8';
		const spoofed = '198.51.100.66';
		const wrong = { email: fields.email, password: 'not the password' };
		expect((await post('/en/signin', wrong, client, spoofed)).statusCode).toBe(400);
		const state = throttleState();
		expect(state).toContain(client);
		expect(state).not.toContain(spoofed);

		const right = { email: fields.email, password: fields.password };
		expect((await post('/en/signin', right, client, spoofed)).statusCode).toBe(303);
		const viaProxy = await post('/en/signin', right, PROXY, '198.51.100.77');
		expect(viaProxy.statusCode).toBe(303);
		const ips = signInAddresses(fields.email);
		expect(ips).toContain(client);
		expect(ips).toContain('198.51.100.77');
		expect(ips).not.toContain(spoofed);
	});
});
