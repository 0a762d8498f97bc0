// CPU time the server spends per request, measured in one process with app.inject (no network,
// no load generator): on a machine shared with other jobs, req/s swings with their load, CPU
// time per request much less. `npx tsx tests/bench/cpu-per-request.ts [requests]`
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cookiesFrom } from '../helpers/app.ts';
import { postForm, registration } from '../helpers/forms.ts';
import { createDb } from '../../src/lib/server/db/index.ts';
import { loadConfig } from '../../src/lib/server/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { startupTasks } from '../../src/server/startup.ts';

const N = Number(process.argv[2] ?? 300);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-cpu-'));
const file = path.join(dir, 'tamkeen.db');
if (process.env.BENCH_DB_TEMPLATE) fs.copyFileSync(process.env.BENCH_DB_TEMPLATE, file);
const db = createDb(file);
const config = loadConfig({ DATABASE_URL: file, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn' });
const app = await buildApp({ ctx: { db, config }, kitBuildDir: path.resolve('build') });
await startupTasks({ db, config }, app.log);
await app.ready();

const PG = '/courses/participatory-governance';
const cookie = cookiesFrom((await postForm(app, '/ar/register', registration())).headers);
await postForm(app, `/ar${PG}?/enrol`, {}, cookie);
const started = await postForm(app, `/ar${PG}/quiz/foundations?/start`, {}, cookie);
const attemptId = Number(started.headers.location!.split('/').pop());
const view = await app.inject({ url: `/api/v1/attempts/${attemptId}`, headers: { cookie } });
const single = view
	.json<{ questions: { id: string; type: string; options?: { id: string }[] }[] }>()
	.questions.find((q) => q.type === 'single')!;
const headers = { cookie, 'accept-encoding': 'br, gzip', 'accept-language': 'ar' };

let n = 0;
const targets: [string, () => Promise<{ statusCode: number }>][] = [
	['home /ar (anonymous)', () => app.inject({ url: '/ar', headers: { 'accept-encoding': 'br' } })],
	[
		'lesson page, signed in',
		() => app.inject({ url: `/ar${PG}/foundations/tunisia-framework`, headers })
	],
	['course page, signed in', () => app.inject({ url: `/ar${PG}`, headers })],
	['my learning', () => app.inject({ url: '/ar/learn', headers })],
	[
		'search (ar)',
		() => app.inject({ url: `/ar/courses?q=${encodeURIComponent('الميزانية')}`, headers })
	],
	['attempt view (API)', () => app.inject({ url: `/api/v1/attempts/${attemptId}`, headers })],
	[
		'answer save (API)',
		() =>
			app.inject({
				method: 'POST',
				url: `/api/v1/attempts/${attemptId}/answers/${single.id}`,
				headers: { ...headers, 'content-type': 'application/json' },
				payload: JSON.stringify({ response: single.options![++n % 2]!.id })
			})
	]
];
for (const [name, request] of targets) {
	for (let i = 0; i < 30; i++) await request();
	const cpu = process.cpuUsage();
	const t0 = process.hrtime.bigint();
	for (let i = 0; i < N; i++) {
		const res = await request();
		if (res.statusCode >= 400) throw new Error(`${name}: ${res.statusCode}`);
	}
	const used = process.cpuUsage(cpu);
	const wall = Number(process.hrtime.bigint() - t0) / 1e6;
	const ms = (used.user + used.system) / 1000 / N;
	console.log(
		`${name}: ${ms.toFixed(2)} ms CPU per request (${(1000 / ms).toFixed(0)} req/s per core), wall ${(wall / N).toFixed(2)} ms`
	);
}
await app.close();
db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
