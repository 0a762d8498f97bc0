// Found by the fuzz suite: two ways a page answer could leave a client without an answer.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.ts';

let h: TestApp;
let port: number;
beforeAll(async () => {
	h = await buildTestApp({ kit: true, courses: true });
	await h.app.listen({ host: '127.0.0.1', port: 0 });
	port = (h.app.server.address() as AddressInfo).port;
});
afterAll(() => h.close());

type Answer = { status: number; headers: http.IncomingHttpHeaders; error?: string };

/** One request over `agent`; an error (no answer, unreadable answer) is reported, not thrown. */
function request(
	agent: http.Agent,
	{
		method,
		path,
		headers = {},
		body
	}: {
		method: string;
		path: string;
		headers?: Record<string, string>;
		body?: Buffer;
	}
): Promise<Answer> {
	return new Promise((resolve) => {
		const req = http.request(
			{ host: '127.0.0.1', port, method, path, agent, headers, timeout: 5_000 },
			(res) => {
				res.resume();
				res.on('end', () => {
					resolve({ status: res.statusCode ?? 0, headers: res.headers });
				});
			}
		);
		req.on('timeout', () => req.destroy(new Error('no answer within 5 s')));
		req.on('error', (e) => {
			resolve({ status: 0, headers: {}, error: e.message });
		});
		req.end(body);
	});
}

describe('connections', () => {
	it('answers the next request on a kept-alive connection after a page refused a body it did not read', async () => {
		const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
		const origin = `http://127.0.0.1:${port}`;
		// 1 MB that no page reads: a wrong content type on a form action, and a method pages lack.
		const refused = await request(agent, {
			method: 'POST',
			path: '/en/signin',
			headers: { origin, 'content-type': 'text/plain', accept: 'text/html' },
			body: Buffer.alloc(1024 * 1024, 'a')
		});
		expect(refused.status).toBe(415);
		const next = await request(agent, { method: 'GET', path: '/en/signin' });
		expect(next).toMatchObject({ status: 200 });
		const put = await request(agent, {
			method: 'PUT',
			path: '/en/signout',
			headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
			body: Buffer.alloc(512 * 1024, 'a')
		});
		expect(put.status).toBe(405);
		expect(await request(agent, { method: 'GET', path: '/en' })).toMatchObject({ status: 200 });
		agent.destroy();
	});

	it('keeps answer headers small however deep the path (asset links are absolute)', async () => {
		const agent = new http.Agent();
		const deep = await request(agent, {
			method: 'GET',
			path: `/en/${'a/'.repeat(2_000)}`,
			headers: { accept: 'text/html' }
		});
		// Node's client refuses answers whose headers pass 16 KB; browsers have similar limits.
		expect(deep.error).toBeUndefined();
		expect(deep.status).toBe(404);
		expect(String(deep.headers.link ?? '')).not.toContain('../');
		agent.destroy();
	});
});
