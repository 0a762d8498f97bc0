// Issue 15: how many SQL statements the busiest pages run, counted on the real database as
// better-sqlite3 executes them (its `verbose` hook), after one warm-up request so that caches
// and prepared statements are in place. A change that adds a query per lesson or per module
// to a page makes this fail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { cookiesFrom } from '../../helpers/app.ts';
import { postForm, registration } from '../../helpers/forms.ts';
import { createDb, type Db } from '../../../src/lib/server/db/index.ts';
import { loadConfig } from '../../../src/lib/server/config.ts';
import { buildApp } from '../../../src/server/app.ts';
import { startupTasks } from '../../../src/server/startup.ts';

const PG = '/courses/participatory-governance';
const L2 = `${PG}/foundations/tunisia-framework`;

let app: FastifyInstance;
let db: Db;
let dir: string;
let log: string[] = [];

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-count-'));
	const file = path.join(dir, 'test.db');
	db = createDb(file, { onStatement: (sql) => log.push(sql) });
	const config = loadConfig({ DATABASE_URL: file, RATE_LIMIT_PER_MINUTE: '0' });
	app = await buildApp({ ctx: { db, config }, kitBuildDir: path.resolve('build') });
	await startupTasks({ db, config }, app.log);
	await app.ready();
});
afterAll(async () => {
	await app.close();
	db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

/** The statements one request runs, after a first identical request warmed the caches. */
async function statements(request: () => Promise<{ statusCode: number; body: string }>) {
	const warm = await request();
	expect(warm.statusCode, warm.body.slice(0, 300)).toBeLessThan(400);
	log = [];
	const res = await request();
	expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(400);
	const ran = log;
	log = [];
	return ran;
}

describe('statements per request, caches warm', () => {
	let cookie = '';
	let attemptPath = '';
	let attemptId = 0;
	let questionId = '';
	let choices: string[] = [];
	const get = (url: string) => () => app.inject({ url, headers: { cookie } });

	beforeAll(async () => {
		const res = await postForm(app, '/fr/register', registration());
		cookie = cookiesFrom(res.headers);
		await postForm(app, `/fr${PG}?/enrol`, {}, cookie);
		await postForm(app, `/fr${PG}/foundations/decentralisation-basics?/complete`, {}, cookie);
		const started = await postForm(app, `/fr${PG}/quiz/foundations?/start`, {}, cookie);
		attemptPath = started.headers.location!;
		attemptId = Number(attemptPath.split('/').pop());
		const view = await app.inject({ url: `/api/v1/attempts/${attemptId}`, headers: { cookie } });
		const single = view
			.json<{ questions: { id: string; type: string; options?: { id: string }[] }[] }>()
			.questions.find((q) => q.type === 'single')!;
		questionId = single.id;
		choices = single.options!.map((o) => o.id);
	});

	// Ceilings: what each page ran when this test was written plus one, far below one query per
	// lesson or module. Lesson page: content version, session, enrolment, finished lessons, the
	// "opened" write (BEGIN, upsert, update, COMMIT), this lesson's state. The next-step card
	// (course page, lesson page, My learning) adds 6–7 small reads per course: pre-test state,
	// skip, last lesson, attempts, certificate. Folding them into one query is the next saving.
	// The course page and My learning read the learner's cohort news (due dates, announcements):
	// one more read each since issue 13.
	it.each([
		['lesson page, signed in and enrolled', () => L2, 17],
		['course page', () => PG, 16],
		['My learning', () => '/learn', 15],
		['quiz attempt page', () => attemptPath.replace(/^\/fr/, ''), 8]
	])('%s', async (_name, url, ceiling) => {
		const ran = await statements(get(`/fr${url()}`));
		expect(ran.length, ran.join('\n')).toBeLessThanOrEqual(ceiling);
		expect(ran.length).toBeGreaterThan(0);
	});

	it('answer save through the API', async () => {
		let n = 0;
		const ran = await statements(() =>
			app.inject({
				method: 'POST',
				url: `/api/v1/attempts/${attemptId}/answers/${questionId}`,
				headers: { cookie, 'content-type': 'application/json' },
				// A different choice each time, so each request really writes.
				payload: JSON.stringify({ response: choices[++n % 2] })
			})
		);
		// Session, content version, then BEGIN, one read, one upsert, COMMIT.
		expect(ran.length, ran.join('\n')).toBeLessThanOrEqual(6);
	});
});
