import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';
import { writeLastBackup } from '../../../src/lib/server/ops/last-backup.ts';

const TOKEN = 'a-metrics-token-of-enough-length-0123';
const apps: TestApp[] = [];
afterEach(async () => {
	for (const a of apps.splice(0)) await a.close();
});
async function app(env: Record<string, string>) {
	const h = await buildTestApp({ env });
	apps.push(h);
	return h;
}

describe('/metrics', () => {
	it('is absent (404) unless METRICS_TOKEN or METRICS_ALLOW_LOOPBACK is set', async () => {
		const h = await app({});
		const r = await h.app.inject({
			url: '/metrics',
			headers: { authorization: `Bearer ${TOKEN}` }
		});
		expect(r.statusCode).toBe(404);
	});

	it('wants the bearer token: none or a wrong one gets 401', async () => {
		const h = await app({ METRICS_TOKEN: TOKEN });
		expect((await h.app.inject({ url: '/metrics' })).statusCode).toBe(401);
		const wrong = await h.app.inject({
			url: '/metrics',
			headers: { authorization: `Bearer ${TOKEN}x` }
		});
		expect(wrong.statusCode).toBe(401);
		expect(wrong.headers['www-authenticate']).toMatch(/^Bearer/);
	});

	it('counts requests per route pattern, not per URL, with 4xx, sessions, database size and backup age', async () => {
		const h = await app({ METRICS_TOKEN: TOKEN });
		writeLastBackup(h.t.dir, {
			at: new Date(Date.now() - 3_600_000).toISOString(),
			ok: true,
			bytes: 1,
			path: '/x',
			ms: 1,
			error: null,
			by: 'command'
		});
		for (const code of ['TMK-AAAA-BBBB-CC', 'TMK-DDDD-EEEE-FF'])
			await h.app.inject({ url: `/api/v1/certificates/${code}` });
		const r = await h.app.inject({
			url: '/metrics',
			headers: { authorization: `Bearer ${TOKEN}` }
		});
		expect(r.statusCode).toBe(200);
		expect(r.headers['content-type']).toMatch(/^text\/plain/);
		const text = r.body;
		expect(text).toMatch(
			/http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/certificates\/:code",status="400"\} 2/
		);
		expect(text).not.toContain('TMK-AAAA');
		expect(text).toMatch(
			/http_errors_total\{route="\/api\/v1\/certificates\/:code",class="4xx"\} 2/
		);
		expect(text).toMatch(/nodejs_eventloop_lag_seconds \d/);
		expect(text).toMatch(/tamkeen_active_sessions 0/);
		expect(text).toMatch(/tamkeen_database_bytes\{file="database"\} [1-9]/);
		expect(text).toMatch(/tamkeen_answer_saves_total 0/);
		expect(text).toMatch(/^tamkeen_sqlite_lock_waits_total \d+$/m);
		const age = Number(/^tamkeen_last_backup_age_seconds (\S+)$/m.exec(text)?.[1]);
		expect(age).toBeGreaterThan(3590);
		expect(age).toBeLessThan(3700);
	});

	it('answers this machine without a token when METRICS_ALLOW_LOOPBACK=1, but not a forwarded request', async () => {
		const h = await app({ METRICS_ALLOW_LOOPBACK: '1' });
		expect((await h.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(
			200
		);
		const forwarded = await h.app.inject({
			url: '/metrics',
			remoteAddress: '127.0.0.1',
			headers: { 'x-forwarded-for': '203.0.113.9' }
		});
		expect(forwarded.statusCode).toBe(401);
		expect((await h.app.inject({ url: '/metrics', remoteAddress: '10.0.0.8' })).statusCode).toBe(
			401
		);
	});
});
