import net from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/lib/server/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { startupTasks } from '../../src/server/startup.ts';
import { createTestDb, type TestDb } from './db.ts';

export type TestApp = { app: FastifyInstance; t: TestDb; close: () => Promise<void> };

/** buildApp() on a fresh SQLite file; `kit: true` also mounts the built SvelteKit app. */
export async function buildTestApp({
	kit = false,
	courses = false,
	env = {}
}: { kit?: boolean; courses?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
	const t = createTestDb();
	const config = loadConfig({ DATABASE_URL: t.file, RATE_LIMIT_PER_MINUTE: '0', ...env });
	const app = await buildApp({
		ctx: { db: t.db, config },
		kitBuildDir: kit ? path.resolve('build') : null
	});
	// The start-up work of `npm start`: import courses/ and build the search index.
	if (courses) await startupTasks({ db: t.db, config }, app.log);
	await app.ready();
	return {
		app,
		t,
		close: async () => {
			await app.close();
			t.close();
		}
	};
}

/** The cookie header to send back, from a response's set-cookie headers. */
export function cookiesFrom(headers: Record<string, unknown>): string {
	const raw = headers['set-cookie'];
	const list: unknown[] = Array.isArray(raw) ? raw : [raw];
	return list
		.filter((c) => typeof c === 'string')
		.map((c) => c.split(';')[0])
		.join('; ');
}

/** The app with its pages, listening on a free local port (for a browser): its URL is ORIGIN. */
export async function listenTestApp(): Promise<{ h: TestApp; url: string }> {
	const port = await new Promise<number>((resolve) => {
		const srv = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => {
				resolve(port);
			});
		});
	});
	const url = `http://127.0.0.1:${String(port)}`;
	const h = await buildTestApp({ kit: true, env: { ORIGIN: url } });
	await h.app.listen({ host: '127.0.0.1', port });
	return { h, url };
}
