// In-process CPU profile of one request through app.inject (no load generator sharing the cores,
// so it holds on a busy machine): `npx tsx tests/bench/profile-inject.ts [lesson|save|/path]
// [requests]` prints the functions that cost most, by self and by inclusive time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { cookiesFrom } from '../helpers/app.ts';
import { postForm, registration } from '../helpers/forms.ts';
import { createDb } from '../../src/lib/server/db/index.ts';
import { loadConfig } from '../../src/lib/server/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { startupTasks } from '../../src/server/startup.ts';

const target = process.argv[2] ?? 'lesson';
const N = Number(process.argv[3] ?? 400);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-prof-'));
const file = path.join(dir, 'tamkeen.db');
const db = createDb(file);
const config = loadConfig({ DATABASE_URL: file, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn' });
const app = await buildApp({ ctx: { db, config }, kitBuildDir: path.resolve('build') });
await startupTasks({ db, config }, app.log);
await app.ready();
const cookie = cookiesFrom((await postForm(app, '/ar/register', registration())).headers);
await postForm(app, '/ar/courses/participatory-governance?/enrol', {}, cookie);
const headers = { cookie, 'accept-encoding': 'br, gzip', 'accept-language': 'ar' };
const request = await requestFor(target);
for (let i = 0; i < 50; i++) await request();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
for (let i = 0; i < N; i++) await request();
const { profile } = await session.post('Profiler.stop');
type Node = {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
};
const nodes = profile.nodes as Node[];
const byId = new Map(nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n: Node) =>
	`${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(build|src)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
const incl = new Map<string, number>();
let total = 0;
profile.samples!.forEach((id, i) => {
	const dt = profile.timeDeltas![i] ?? 0;
	const n = byId.get(id)!;
	if (n.callFrame.functionName === '(idle)') return;
	total += dt;
	self.set(name(n), (self.get(name(n)) ?? 0) + dt);
	const seen = new Set<string>();
	for (let cur: Node | undefined = n; cur; cur = byId.get(parent.get(cur.id) ?? -1)) {
		const k = name(cur);
		if (seen.has(k)) continue;
		seen.add(k);
		incl.set(k, (incl.get(k) ?? 0) + dt);
	}
});
const top = (m: Map<string, number>, k: number) =>
	[...m]
		.sort((a, b) => b[1] - a[1])
		.slice(0, k)
		.map(([f, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${f}`)
		.join('\n');
console.log(
	`${(total / 1000 / N).toFixed(2)} ms sampled per request\n--- self\n${top(self, 30)}\n--- inclusive\n${top(incl, Number(process.env.TOP ?? 60))}`
);
await app.close();
db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });

/** The request to repeat: the lesson page, an answer save (JSON API), or any page path. */
async function requestFor(name: string) {
	if (name === 'save') {
		const started = await postForm(
			app,
			'/ar/courses/participatory-governance/quiz/foundations?/start',
			{},
			cookie
		);
		const attemptId = Number(started.headers.location!.split('/').pop());
		const view = await app.inject({ url: `/api/v1/attempts/${attemptId}`, headers: { cookie } });
		const single = view
			.json<{ questions: { id: string; type: string; options?: { id: string }[] }[] }>()
			.questions.find((q) => q.type === 'single')!;
		let n = 0;
		return () =>
			app.inject({
				method: 'POST',
				url: `/api/v1/attempts/${attemptId}/answers/${single.id}`,
				headers: { ...headers, 'content-type': 'application/json' },
				payload: JSON.stringify({ response: single.options![++n % 2]!.id })
			});
	}
	const url =
		name === 'lesson' ? '/ar/courses/participatory-governance/foundations/tunisia-framework' : name;
	return () => app.inject({ url, headers });
}
