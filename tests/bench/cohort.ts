// npm run bench:cohort: a synthetic cohort of 500 learners who did the whole course (every lesson,
// every quiz), then the cohort overview and the cohort's item analysis of the first module quiz
// (every learner takes it, some twice; the final is gated, so fewer reach it), each
// requested through the built server as one of the cohort's trainers. Budget (issue 13): 300 ms
// of server time per page. Each page is also set against its ceiling (a bare Fastify serving the
// same bytes from memory), as tests/bench/run.ts does; results go to tests/bench/RESULTS.md.
// BENCH_COHORT_LEARNERS changes the size (500 by default); seeding 500 takes a few minutes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createDb } from '../../src/lib/server/db/index.ts';
import { importCourses } from '../../src/lib/server/courses/import/import-courses.ts';
import { assignCourseTrainer } from '../../src/lib/server/courses/trainers.ts';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import { startServer } from '../helpers/server.ts';
import { insertUser, seedCohort } from '../helpers/synthetic-cohort.ts';

const LEARNERS = Number(process.env.BENCH_COHORT_LEARNERS ?? 500);
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const BUDGET_MS = 300;
const COURSE = 'participatory-governance';
// The first module's quiz: every learner's attempts, retakes included, are in its analysis.
const ANALYSED_QUIZ = 'foundations';

/** Builds the data folder: courses imported, the cohort seeded, a trainer's session cookie. */
function prepare() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-bench-cohort-'));
	const db = createDb(path.join(dir, 'tamkeen.db'));
	importCourses(db, { dir: 'courses' });
	const started = Date.now();
	const c = seedCohort(db, { courseSlug: COURSE, learners: LEARNERS });
	console.log(`seeded ${LEARNERS} learners in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	const admin = insertUser(db, { email: 'bench-admin@example.tn', name: 'Admin', role: 'admin' });
	// Item analysis is for the course's trainers: the cohort's trainer is one.
	assignCourseTrainer(db, { actorId: admin, courseId: c.courseId, userId: c.trainerId });
	const { token } = createSession(db, { userId: c.trainerId });
	db.$client.close();
	return { dir, cohortId: c.cohortId, cookie: `${SESSION_COOKIE}=${token}` };
}

function capture(url: string, cookie: string) {
	return new Promise<{ status: number; body: Buffer; headers: Record<string, string> }>(
		(resolve, reject) => {
			http
				.get(url, { headers: { cookie, 'accept-encoding': 'br, gzip' } }, (res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () => {
						const out: Record<string, string> = {};
						for (const k of ['content-type', 'content-encoding'])
							if (res.headers[k]) out[k] = String(res.headers[k]);
						resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: out });
					});
				})
				.on('error', reject);
		}
	);
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

/** One connection, so latency is one request's server time plus the loopback. */
async function measure(url: string, cookie: string) {
	const opts = {
		url,
		connections: 1,
		headers: { cookie, 'accept-encoding': 'br, gzip' }
	};
	await autocannon({ ...opts, duration: 1 });
	const r = await autocannon({ ...opts, duration: DURATION });
	return {
		p50: r.latency.p50,
		p99: r.latency.p99,
		reqPerSec: r.requests.average,
		bad: r.errors + r.non2xx
	};
}

async function main() {
	const { dir, cohortId, cookie } = prepare();
	const server = await startServer({ dir });
	const targets = [
		{ name: `cohort overview, ${LEARNERS} learners (ar)`, path: `/ar/trainer/cohorts/${cohortId}` },
		{
			name: `item analysis of a module quiz, one cohort of ${LEARNERS} (ar)`,
			path: `/ar/courses/${COURSE}/analysis?quiz=${ANALYSED_QUIZ}&cohort=${cohortId}`
		}
	];
	const rows: string[] = [];
	let over = false;
	try {
		for (const t of targets) {
			const url = server.url + t.path;
			const page = await capture(url, cookie);
			if (page.status !== 200) throw new Error(`${t.path} answered ${page.status}`);
			const ceiling = await startCeiling(page.body, page.headers);
			const app = await measure(url, cookie);
			const ceil = await measure(ceiling.url, '');
			ceiling.stop();
			// Server time: the page's median latency less the ceiling's (loopback and HTTP alone).
			const serverMs = Math.max(0, app.p50 - ceil.p50);
			const budget = serverMs / BUDGET_MS;
			if (budget > 1) over = true;
			const ratio = app.reqPerSec / ceil.reqPerSec;
			console.log(
				`${t.name}: p50 ${app.p50} ms (server ${serverMs.toFixed(1)} ms, ${(budget * 100).toFixed(0)}% of the ${BUDGET_MS} ms budget); ${app.reqPerSec.toFixed(1)} req/s vs ceiling ${ceil.reqPerSec.toFixed(0)}: ratio ${ratio.toFixed(3)}`
			);
			rows.push(
				`| ${t.name} | ${app.p50.toFixed(1)} / ${app.p99.toFixed(1)} | ${serverMs.toFixed(1)} | ${budget.toFixed(2)} | ${app.reqPerSec.toFixed(1)} | ${ceil.reqPerSec.toFixed(0)} | ${ratio.toFixed(3)} | ${page.body.length} B ${page.headers['content-encoding'] ?? 'identity'} | ${app.bad} |`
			);
		}
	} finally {
		await server.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	}
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	fs.appendFileSync(
		'tests/bench/RESULTS.md',
		[
			'',
			`## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — cohort pages — ${os.cpus().length} × ${cpu}, Node ${process.version}`,
			'',
			`autocannon, 1 connection, ${DURATION} s after a 1 s warm-up; server time = page p50 − ceiling p50; budget ${BUDGET_MS} ms (issue 13), "of budget" ≤ 1.00 passes.`,
			'',
			'| target | p50 / p99 ms | server ms | of budget | req/s | ceiling req/s | ratio to ceiling | page bytes | errors + non-2xx |',
			'| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
			...rows,
			''
		].join('\n')
	);
	console.log('Appended to tests/bench/RESULTS.md');
	if (over) {
		console.error(`A cohort page took more than ${BUDGET_MS} ms of server time.`);
		process.exitCode = 1;
	}
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
