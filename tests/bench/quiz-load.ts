// Load and fault test of the quiz engine over real HTTP: N learners register, enrol, start the
// first module quiz (double-clicking Start; the final opens only after the module quizzes), save
// their answers through the JSON API, then (once every learner has saved) submit twice at once.
// Saves and submissions are timed apart: a submission grades the attempt and costs several
// saves, so one rate over both would not say what saves cost.
// Then the same with the server killed by SIGKILL halfway and restarted on the same database.
// Every save answered 2xx must be in the SQLite file; no learner may hold two attempts.
// Usage: [TEST_WORKERS=2] npm run bench:quiz [-- --learners 200 --concurrency 20]   (appends to tests/bench/RESULTS.md)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { learnerClient, type Send } from './load/client.ts';
import { startServer, testWorkers, waitForOutput, type RunningServer } from '../helpers/server.ts';
import { benchDataDir } from './data-dir.ts';

const PG = '/fr/courses/participatory-governance';

type Saved = { attemptId: number; questionId: string; response: unknown };
export type LoadStats = {
	learners: number;
	finished: number;
	saves: number;
	failedSaves: number;
	/** The saves phase (every learner's answers), then the submissions phase. */
	ms: number;
	submitMs: number;
	latencies: number[];
	submitLatencies: number[];
	saved: Saved[];
};
export type Audit = { lost: number; duplicates: number; integrity: string; answersInDb: number };

const READY = /search index rebuilt|No administrator|Sign in at/;

/** A server ready for requests (the course import has run). */
export async function bootServer(dir?: string): Promise<RunningServer> {
	const s = await startServer({ dir: benchDataDir(dir) });
	await waitForOutput(s, READY, 30_000);
	return s;
}

function cookieOf(res: Response): string {
	return res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

async function form(base: string, url: string, fields: Record<string, string>, cookie = '') {
	return fetch(base + url, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			origin: base,
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields)
	});
}

/** A response that fits the question's type (right or wrong does not matter here). */
export function responseFor(
	q: {
		type: string;
		options?: { id: string }[];
		pairs?: { id: string }[];
		matches?: { id: string }[];
		items?: { id: string }[];
	},
	n: number
): unknown {
	switch (q.type) {
		case 'single':
			return q.options![n % q.options!.length]!.id;
		case 'multiple':
			return [q.options![0]!.id];
		case 'truefalse':
			return n % 2 === 0;
		case 'numeric':
			return String(n);
		case 'matching':
			return Object.fromEntries(
				q.pairs!.map((p, i) => [p.id, q.matches![i % q.matches!.length]!.id])
			);
		case 'ordering':
			return q.items!.map((i) => i.id).reverse();
		default:
			return `réponse ${n}`;
	}
}

type Ready = {
	i: number;
	cookie: string;
	attemptId: number;
	questions: { id: string; type: string }[];
	/** The learner's own connections, opened by loading the attempt as the quiz page does. */
	send: Send;
};

/** Registers, enrols and starts the first module quiz (double-clicking Start: both must give one attempt). */
async function prepare(base: string, i: number, answers: number): Promise<Ready> {
	const email = `bench.${process.pid}.${Date.now()}.${i}@example.tn`;
	const reg = await form(base, '/fr/register', {
		name: `Apprenant ${i}`,
		email,
		password: 'une phrase de passe',
		locale: 'fr'
	});
	const cookie = cookieOf(reg);
	if (!cookie) throw new Error(`register answered ${reg.status}`);
	await form(base, `${PG}?/enrol`, {}, cookie);
	const starts = await Promise.all([
		form(base, `${PG}/quiz/foundations?/start`, {}, cookie),
		form(base, `${PG}/quiz/foundations?/start`, {}, cookie)
	]);
	const ids = starts.map((r) => Number(r.headers.get('location')?.split('/').pop()));
	if (!ids[0] || ids[0] !== ids[1]) throw new Error(`start gave attempts ${ids.join(' and ')}`);
	// Two connections: the double Submit is sent at once, as a double click would.
	const send = learnerClient({ connections: 2 });
	const view = (await (
		await send(`${base}/api/v1/attempts/${ids[0]}`, { headers: { cookie } })
	).json()) as { questions: Ready['questions'] };
	return {
		i,
		cookie,
		attemptId: ids[0],
		questions: view.questions.filter((q) => q.type !== 'description').slice(0, answers),
		send
	};
}

type Post = (p: string, body: unknown) => Promise<{ status: number }>;

/**
 * Posts through the learner's own keep-alive connections, opened when the attempt was loaded:
 * a browser autosaves over the connection that loaded the quiz page. (Opening them at the first
 * save made that save wait several event-loop turns on both sides and was the whole save p99.)
 */
function poster(base: () => string, r: Ready): Post {
	return (p, body) =>
		r.send(`${base()}/api/v1/attempts/${r.attemptId}${p}`, {
			method: 'POST',
			headers: { cookie: r.cookie, 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
}

/** Saves the learner's answers one by one through the JSON API. */
async function answer(
	post: Post,
	r: Ready,
	stats: LoadStats,
	onSave?: (stats: LoadStats) => void
): Promise<void> {
	for (const [n, q] of r.questions.entries()) {
		const response = responseFor(q, n + r.i);
		const t0 = performance.now();
		const res = await post(`/answers/${encodeURIComponent(q.id)}`, { response }).catch(
			(e: unknown) => {
				stats.failedSaves++; // no answer at all: the server died with the request in flight
				throw e;
			}
		);
		stats.latencies.push(performance.now() - t0);
		if (res.status >= 200 && res.status < 300) {
			stats.saves++;
			stats.saved.push({ attemptId: r.attemptId, questionId: q.id, response });
			onSave?.(stats);
		} else stats.failedSaves++;
	}
}

/** Submits twice at once (a double click): both must answer with the same result. */
async function submitTwice(post: Post, stats: LoadStats): Promise<void> {
	const t0 = performance.now();
	await Promise.all([post('/submit', {}), post('/submit', {})]);
	stats.submitLatencies.push(performance.now() - t0);
	stats.finished++;
}

/** Runs `jobs` tasks `concurrency` at a time; a task that throws (server down) just stops. */
async function pool<T>(
	items: readonly T[],
	concurrency: number,
	task: (item: T) => Promise<void>
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const item = items[next++]!;
			try {
				await task(item);
			} catch {
				// A refused connection once the server is down: that learner stops here.
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * Prepares `learners` learners, then has them all answer, `concurrency` at a time, then all submit;
 * `ms` times the saves phase, `submitMs` the submissions. `onSave` sees each 2xx save (and may
 * kill the server).
 */
export async function runLoad(
	base: () => string,
	{
		learners,
		concurrency,
		answers = 10,
		onSave
	}: {
		learners: number;
		concurrency: number;
		answers?: number;
		onSave?: (stats: LoadStats) => void;
	}
): Promise<LoadStats> {
	const stats: LoadStats = {
		learners,
		finished: 0,
		saves: 0,
		failedSaves: 0,
		ms: 0,
		submitMs: 0,
		latencies: [],
		submitLatencies: [],
		saved: []
	};
	const ready: Ready[] = [];
	await pool(
		[...Array(learners).keys()],
		concurrency,
		async (i) => void ready.push(await prepare(base(), i, answers))
	);
	if (ready.length !== learners)
		throw new Error(`only ${ready.length} of ${learners} learners could start`);
	const posting = ready.map((r) => ({ r, post: poster(base, r) }));
	const t0 = performance.now();
	await pool(posting, concurrency, ({ r, post }) => answer(post, r, stats, onSave));
	const t1 = performance.now();
	await pool(posting, concurrency, ({ post }) => submitTwice(post, stats));
	stats.ms = t1 - t0;
	stats.submitMs = performance.now() - t1;
	return stats;
}

/** Checks the database file: every 2xx save present as sent, no learner with two attempts. */
export function auditDb(dbFile: string, saved: readonly Saved[]): Audit {
	const db = new Database(dbFile, { readonly: true });
	try {
		const get = db.prepare(
			'select response from attempt_answer where attempt_id = ? and question_id = ?'
		);
		let lost = 0;
		for (const s of saved) {
			const row = get.get(s.attemptId, s.questionId) as { response: string | null } | undefined;
			const response = row?.response ?? null;
			if (response === null || JSON.stringify(JSON.parse(response)) !== JSON.stringify(s.response))
				lost++;
		}
		const duplicates = (
			db
				.prepare(
					"select count(*) as n from (select user_id from quiz_attempt where kind = 'attempt' group by user_id, quiz_id having count(*) > 1)"
				)
				.get() as { n: number }
		).n;
		const integrity = db.pragma('integrity_check', { simple: true }) as string;
		const answersInDb = (
			db.prepare('select count(*) as n from attempt_answer where revision > 0').get() as {
				n: number;
			}
		).n;
		return { lost, duplicates, integrity, answersInDb };
	} finally {
		db.close();
	}
}

/** Steady run on one server, then a run killed with SIGKILL after `killAfter` saves. */
export async function loadAndFault({
	learners,
	concurrency,
	killAfter
}: {
	learners: number;
	concurrency: number;
	killAfter: number;
}) {
	const steady = await bootServer();
	const load = await runLoad(() => steady.url, { learners, concurrency });
	await steady.stop();
	const loadAudit = auditDb(steady.dbFile, load.saved);

	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-crash-'));
	const doomed = await bootServer(dir);
	let killed = false;
	const crash = await runLoad(() => doomed.url, {
		learners,
		concurrency,
		onSave: (stats) => {
			if (killed || stats.saves < killAfter) return;
			killed = true;
			doomed.process.kill('SIGKILL');
		}
	});
	if (doomed.process.exitCode === null && doomed.process.signalCode === null)
		await doomed.stop('SIGKILL');
	// Restarted on the same files: it must open the database, recover the WAL and serve.
	const again = await bootServer(dir);
	const health = await fetch(`${again.url}/healthz`);
	await again.stop();
	const crashAudit = auditDb(again.dbFile, crash.saved);
	return { load, loadAudit, crash, crashAudit, killed, restartHealthy: health.ok };
}

export const percentile = (xs: number[], p: number) => {
	if (xs.length === 0) return 0;
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

function machine(): string {
	const cpus = os.cpus();
	return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

async function main() {
	const arg = (name: string, fallback: number) => {
		const at = process.argv.indexOf(`--${name}`);
		return at === -1 ? fallback : Number(process.argv[at + 1]);
	};
	const learners = arg('learners', 200);
	const concurrency = arg('concurrency', 20);
	const r = await loadAndFault({
		learners,
		concurrency,
		killAfter: Math.floor((learners * 10) / 2)
	});
	const ms = (n: number) => `${n.toFixed(1)} ms`;
	const lines = [
		`## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — quiz load and fault test — ${machine()}`,
		'',
		`${learners} learners, ${concurrency} at a time, over HTTP to the built server in WORKERS=${testWorkers()} processes (register, enrol, double-click Start, 10 answers through the JSON API, double Submit).`,
		'',
		'| run | learners finished | 2xx saves | failed saves | answers lost | duplicate attempts | save p50 | save p99 | saves/s | double submit p99 | integrity_check |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		`| steady | ${r.load.finished}/${learners} | ${r.load.saves} | ${r.load.failedSaves} | ${r.loadAudit.lost} | ${r.loadAudit.duplicates} | ${ms(percentile(r.load.latencies, 50))} | ${ms(percentile(r.load.latencies, 99))} | ${(r.load.saves / (r.load.ms / 1000)).toFixed(0)} | ${ms(percentile(r.load.submitLatencies, 99))} | ${r.loadAudit.integrity} |`,
		`| SIGKILL after ${Math.floor((learners * 10) / 2)} saves, restart | ${r.crash.finished}/${learners} | ${r.crash.saves} | ${r.crash.failedSaves} | ${r.crashAudit.lost} | ${r.crashAudit.duplicates} | ${ms(percentile(r.crash.latencies, 50))} | ${ms(percentile(r.crash.latencies, 99))} | ${(r.crash.saves / (r.crash.ms / 1000)).toFixed(0)} (until killed) | — | ${r.crashAudit.integrity} |`,
		'',
		`Killed: ${r.killed ? 'yes' : 'no'}; restarted and healthy: ${r.restartHealthy ? 'yes' : 'no'}. Latencies and saves/s are for the saves phase only (every learner registered, enrolled and started first; the submissions follow once every learner has saved, timed apart: ${(r.load.saves / ((r.load.ms + r.load.submitMs) / 1000)).toFixed(0)} saves/s over both phases, as measured before 2026-12-02 13:00); each save is one HTTP request and one SQLite transaction. In the crash run, failed saves are the requests in flight at the kill or sent to the dead server (no 2xx, so nothing was promised). The load generator shares the machine with the server.`,
		''
	];
	const text = lines.join('\n');
	console.log(text);
	fs.appendFileSync(path.resolve('tests/bench/RESULTS.md'), `\n${text}`);
	const ok =
		r.loadAudit.lost === 0 &&
		r.crashAudit.lost === 0 &&
		r.loadAudit.duplicates === 0 &&
		r.crashAudit.duplicates === 0 &&
		r.crashAudit.integrity === 'ok' &&
		r.killed;
	process.exitCode = ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
