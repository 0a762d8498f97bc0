// Profiles the built server while it serves the lesson page to a signed-in learner:
// `npx tsx tests/bench/profile-lesson.ts [dir]` writes a .cpuprofile (node --cpu-prof) to dir
// (default /tmp/tamkeen-prof) and prints the functions that cost most, by self time.
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import os from 'node:os';
import { benchDataDir } from './data-dir.ts';
import { signedInLearner } from './learner.ts';

const dir = path.resolve(process.argv[2] ?? '/tmp/tamkeen-prof');
fs.mkdirSync(dir, { recursive: true });
// --cpu-prof is not allowed in NODE_OPTIONS, so the server is started here with the flag.
const data = benchDataDir() ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-prof-data-'));
const child = spawn(
	process.execPath,
	['--cpu-prof', `--cpu-prof-dir=${dir}`, 'dist-server/server/main.js'],
	{
		env: {
			...process.env,
			PORT: '0',
			HOST: '127.0.0.1',
			DATABASE_URL: path.join(data, 'tamkeen.db'),
			LOG_LEVEL: 'warn',
			RATE_LIMIT_PER_MINUTE: '0'
		},
		stdio: ['ignore', 'pipe', 'inherit']
	}
);
const base = await new Promise<string>((resolve) => {
	child.stdout.on('data', (d: Buffer) => {
		const m = /listening (http:\/\/[\d.]+:\d+)/.exec(d.toString());
		if (m) resolve(m[1]!);
	});
});
const server = {
	url: base,
	stop: () =>
		new Promise((resolve) => {
			child.once('exit', resolve);
			child.kill('SIGTERM');
		})
};
const cookie = await signedInLearner(server.url, 'participatory-governance', 'prof');
const url = `${server.url}/ar/courses/participatory-governance/foundations/tunisia-framework`;
const headers = { cookie, 'accept-encoding': 'br, gzip', 'accept-language': 'ar' };
await autocannon({ url, connections: 20, duration: 3, headers });
const r = await autocannon({ url, connections: 20, duration: 10, headers });
console.log(`lesson page under profiling: ${r.requests.average} req/s, p99 ${r.latency.p99} ms`);
await server.stop();

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const file = fs
	.readdirSync(dir)
	.filter((f) => f.endsWith('.cpuprofile'))
	.map((f) => path.join(dir, f))
	.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
if (!file) throw new Error(`no profile in ${dir}`);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
	const n = byId.get(id);
	const dt = profile.timeDeltas[i] ?? 0;
	if (!n) return;
	const f = n.callFrame;
	const where = f.url
		.replace(/^.*node_modules\//, '')
		.replace(/^file:\/\/.*?\/(build|dist-server)\//, '$1/');
	const key = `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`;
	self.set(key, (self.get(key) ?? 0) + dt);
	total += dt;
});
const busy = [...self].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)'));
const busyTotal = busy.reduce((a, [, v]) => a + v, 0);
console.log(
	`profile ${file}: ${(total / 1e6).toFixed(1)} s sampled, busy ${(busyTotal / 1e6).toFixed(1)} s`
);
for (const [k, v] of busy.sort((a, b) => b[1] - a[1]).slice(0, 30))
	console.log(`${((v / busyTotal) * 100).toFixed(1).padStart(5)}%  ${k}`);
