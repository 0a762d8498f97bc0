import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startServer, waitForOutput, type RunningServer } from '../../helpers/server.ts';

type Line = { pid?: number; msg?: string; req?: { url?: string }; workerPid?: number };

const LIMIT = 30;
let server: RunningServer;

/** The server's JSON log lines (LOG_LEVEL=debug: one per request, each with its process id). */
function lines(): Line[] {
	return server
		.output()
		.split('\n')
		.filter((l) => l.startsWith('{'))
		.map((l) => JSON.parse(l) as Line);
}

/** One request on a new connection, so the cluster hands each to the next worker. */
function get(path: string, headers: Record<string, string> = {}) {
	return new Promise<{ status: number; body: string }>((resolve, reject) => {
		http
			.get(`${server.url}${path}`, { agent: false, headers }, (res) => {
				let body = '';
				res.on('data', (d: Buffer) => (body += d.toString()));
				res.on('end', () => {
					resolve({ status: res.statusCode ?? 0, body });
				});
			})
			.on('error', reject);
	});
}

/** Distinct processes that logged an incoming request for `path`. */
function pidsServing(path: string): Set<number> {
	return new Set(
		lines()
			.filter((l) => l.msg === 'incoming request' && l.req?.url === path && l.pid)
			.map((l) => l.pid ?? 0)
	);
}

beforeAll(async () => {
	server = await startServer({
		env: {
			WORKERS: '2',
			LOG_LEVEL: 'debug',
			RATE_LIMIT_PER_MINUTE: String(LIMIT),
			TRUST_PROXY: '127.0.0.1'
		}
	});
	// The server answers as soon as one worker listens; the second may still be starting.
	await waitForOutput(server, /worker listening[\s\S]*worker listening/, 30_000);
}, 90_000);
afterAll(async () => {
	if (server.process.exitCode === null) await server.stop('SIGKILL');
});

describe('WORKERS=2', () => {
	it('imports courses, makes the signing key and rebuilds search once, in the primary', () => {
		const count = (pattern: RegExp) => lines().filter((l) => pattern.test(l.msg ?? '')).length;
		expect(count(/^course participatory-governance /)).toBe(1);
		expect(count(/^certificate signing key ready$/)).toBe(1);
		expect(count(/^search index rebuilt$/)).toBe(1);
		expect(count(/^worker listening$/)).toBe(2);
	});

	it('serves from both workers, and a learner registered through one is signed in on the other', async () => {
		const email = `two.workers.${Date.now()}@example.tn`;
		const reg = await fetch(`${server.url}/fr/register`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded',
				origin: server.url
			},
			body: new URLSearchParams({
				name: 'Deux Processus',
				email,
				password: 'une phrase de passe',
				locale: 'fr'
			})
		});
		const cookie = reg.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.join('; ');
		expect(cookie).toContain('=');
		const answers = await Promise.all(
			Array.from({ length: 10 }, () => get('/api/v1/me', { cookie }))
		);
		expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
		for (const a of answers) expect(a.body).toContain(email);
		expect(pidsServing('/api/v1/me').size).toBe(2);
	});

	it('allows exactly the configured requests per minute across both workers, not twice as many', async () => {
		const client = { 'x-forwarded-for': '203.0.113.44' };
		const statuses: number[] = [];
		for (let i = 0; i < LIMIT + 10; i++) statuses.push((await get('/robots.txt', client)).status);
		expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT);
		expect(statuses.filter((s) => s === 429)).toHaveLength(10);
		expect(pidsServing('/robots.txt').size).toBe(2);
	});

	it('shows each learner their own lesson state from either worker, never the other’s', async () => {
		const PG = '/fr/courses/participatory-governance';
		const L1 = `${PG}/foundations/decentralisation-basics`;
		const post = (path: string, cookie: string, body: Record<string, string> = {}) =>
			fetch(`${server.url}${path}`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					origin: server.url,
					cookie
				},
				body: new URLSearchParams(body)
			});
		const learner = async (name: string) => {
			const reg = await post('/fr/register', '', {
				name,
				email: `${name.replace(' ', '.').toLowerCase()}.${Date.now()}@example.tn`,
				password: 'une phrase de passe',
				locale: 'fr'
			});
			const cookie = reg.headers
				.getSetCookie()
				.map((c) => c.split(';')[0])
				.join('; ');
			expect((await post(`${PG}?/enrol`, cookie)).status).toBe(303);
			return cookie;
		};
		const a = await learner('Amel Finit');
		const b = await learner('Bilel Commence');
		expect((await post(`${L1}?/complete`, a)).status).toBe(303);
		// New connections alternate between the workers; each warms its caches with A's reads first.
		for (let i = 0; i < 4; i++) {
			const mine = await get(L1, { cookie: a });
			const theirs = await get(L1, { cookie: b });
			expect(mine.status).toBe(200);
			expect(theirs.status).toBe(200);
			expect(mine.body).toContain('Vous avez terminé cette leçon.');
			expect(mine.body).not.toContain('?/complete');
			expect(theirs.body).not.toContain('Vous avez terminé cette leçon.');
			expect(theirs.body).toContain('?/complete');
			expect(theirs.body).not.toContain('terminée</span>');
		}
		expect(pidsServing(L1).size).toBe(2);
	});

	it('starts a new worker when one dies, and still serves', async () => {
		const workerPids = lines()
			.filter((l) => l.msg === 'worker listening')
			.map((l) => l.workerPid ?? 0);
		process.kill(workerPids[0]!, 'SIGKILL');
		await waitForOutput(server, /worker died; starting another/, 30_000);
		await expect
			.poll(() => lines().filter((l) => l.msg === 'worker listening').length, { timeout: 60_000 })
			.toBe(3);
		const health = await Promise.all([get('/healthz'), get('/healthz'), get('/healthz')]);
		expect(health.map((h) => h.status)).toEqual([200, 200, 200]);
	}, 90_000);

	it('stops every worker and exits 0 on SIGTERM, leaving a sound WAL database', async () => {
		const workerPids = lines()
			.filter((l) => l.msg === 'worker listening')
			.map((l) => l.workerPid ?? 0);
		expect(await server.stop('SIGTERM')).toBe(0);
		const alive = workerPids.filter((pid) => {
			try {
				process.kill(pid, 0);
				return true;
			} catch {
				return false;
			}
		});
		expect(alive).toEqual([]);
		const db = new Database(server.dbFile, { readonly: true });
		expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
		expect(db.prepare('select count(*) as n from rate_limit_hit').get()).not.toEqual({ n: 0 });
		db.close();
	}, 30_000);
});
