// npm run bench: load-tests the built server page by page, each next to its ceiling
// (a bare Fastify serving the same compressed bytes from memory), and appends the
// results to tests/bench/RESULTS.md. Not part of `npm test`: it takes about a minute.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startServer } from '../helpers/server.ts';
import { benchDataDir } from './data-dir.ts';
import { weightSection } from './weights.ts';
import { signedInLearner } from './learner.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const HEADERS = { 'accept-encoding': 'br, gzip', 'accept-language': 'ar' };

type Result = {
	name: string;
	reqPerSec: number;
	p50: number;
	p99: number;
	errors: number;
	non2xx: number;
};

async function load(
	name: string,
	url: string,
	headers: Record<string, string> = {}
): Promise<Result> {
	// Warm-up first, so JIT and caches do not count against the first target.
	await autocannon({
		url,
		connections: CONNECTIONS,
		duration: 2,
		headers: { ...HEADERS, ...headers }
	});
	const r = await autocannon({
		url,
		connections: CONNECTIONS,
		duration: DURATION,
		headers: { ...HEADERS, ...headers }
	});
	return {
		name,
		reqPerSec: r.requests.average,
		p50: r.latency.p50,
		p99: r.latency.p99,
		errors: r.errors,
		non2xx: r.non2xx
	};
}

async function startCeiling(body: Buffer, headers: Record<string, string>) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-ceiling-'));
	fs.writeFileSync(path.join(dir, 'body'), body);
	fs.writeFileSync(path.join(dir, 'headers.json'), JSON.stringify(headers));
	const child = spawn(process.execPath, [
		'tests/bench/ceiling.mjs',
		path.join(dir, 'body'),
		path.join(dir, 'headers.json')
	]);
	const url = await new Promise<string>((resolve) => {
		child.stdout.on('data', (d) => {
			const m = /listening (\S+)/.exec(String(d));
			if (m) resolve(m[1]!);
		});
	});
	return { url, stop: () => child.kill('SIGTERM') };
}

/** Fetches a page once, as a browser would, keeping the compressed bytes (fetch would inflate them). */
function capture(url: string, headers: Record<string, string> = {}) {
	return new Promise<{ status: number; body: Buffer; headers: Record<string, string> }>(
		(resolve, reject) => {
			http
				.get(url, { headers: { ...HEADERS, ...headers } }, (res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () => {
						const keep = [
							'content-type',
							'content-encoding',
							'content-security-policy',
							'cache-control'
						];
						const out: Record<string, string> = {};
						for (const k of keep) if (res.headers[k]) out[k] = String(res.headers[k]);
						resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: out });
					});
				})
				.on('error', reject);
		}
	);
}

export type Target = { name: string; path: string; headers?: Record<string, string> };

async function main() {
	const server = await startServer({ dir: benchDataDir() });
	const lessonPath = '/ar/courses/participatory-governance/foundations/tunisia-framework';
	const cookie = await signedInLearner(server.url, 'participatory-governance');
	const targets: Target[] = [
		{ name: 'home page /ar', path: '/ar' },
		{ name: 'lesson page, signed-in learner (ar)', path: lessonPath, headers: { cookie } }
	];
	const rows: string[] = [];
	try {
		for (const t of targets) {
			const url = server.url + t.path;
			const page = await capture(url, t.headers);
			if (page.status !== 200) throw new Error(`${t.path} answered ${page.status}`);
			const ceiling = await startCeiling(page.body, page.headers);
			// Alternate app and ceiling twice, so drift on a shared machine hits both alike.
			const app1 = await load(t.name, url, t.headers);
			const ceil1 = await load('ceiling', ceiling.url);
			const app2 = await load(t.name, url, t.headers);
			const ceil2 = await load('ceiling', ceiling.url);
			ceiling.stop();
			const avg = (a: Result, b: Result) => ({
				...a,
				reqPerSec: (a.reqPerSec + b.reqPerSec) / 2,
				p50: (a.p50 + b.p50) / 2,
				p99: (a.p99 + b.p99) / 2,
				errors: a.errors + b.errors,
				non2xx: a.non2xx + b.non2xx
			});
			const app = avg(app1, app2);
			const ceil = avg(ceil1, ceil2);
			const ratio = app.reqPerSec / ceil.reqPerSec;
			console.log(
				`${t.name}: ${app.reqPerSec.toFixed(0)} req/s (p50 ${app.p50} ms, p99 ${app.p99} ms) vs ceiling ${ceil.reqPerSec.toFixed(0)} req/s: ${(ratio * 100).toFixed(0)}%`
			);
			rows.push(
				`| ${t.name} | ${app.reqPerSec.toFixed(0)} | ${app.p50.toFixed(1)} / ${app.p99.toFixed(1)} | ${ceil.reqPerSec.toFixed(0)} | ${ceil.p50.toFixed(1)} / ${ceil.p99.toFixed(1)} | ${ratio.toFixed(2)} | ${page.body.length} B ${page.headers['content-encoding'] ?? 'identity'} | ${app.errors + app.non2xx} |`
			);
		}
	} finally {
		await server.stop();
	}
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	const section = [
		'',
		`## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
		'',
		`autocannon, ${CONNECTIONS} connections, ${DURATION} s per run after a 2 s warm-up, app and ceiling alternated twice and averaged; autocannon shares the cores.`,
		'',
		'| target | req/s | p50 / p99 ms | ceiling req/s | ceiling p50 / p99 ms | ratio | page bytes | errors + non-2xx |',
		'| --- | --- | --- | --- | --- | --- | --- | --- |',
		...rows,
		'',
		// Page weights and Lighthouse LCP, each page against its issue-15 target.
		...(await weightSection()),
		''
	].join('\n');
	fs.appendFileSync('tests/bench/RESULTS.md', section);
	console.log('Appended to tests/bench/RESULTS.md');
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
