// Waiting for another connection's write lock (lock-wait.ts): the lock is held by a real second
// connection in a worker thread, on a real SQLite file, while this thread writes.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../../helpers/db.ts';
import { lockWaits, waitForLocksInSteps } from '../../../src/lib/server/db/lock-wait.ts';
import { lockWaitMetrics } from '../../../src/server/metrics-lock-wait.ts';

const driver = createRequire(import.meta.url).resolve('better-sqlite3');
const now = () => performance.timeOrigin + performance.now();

// The holder: takes the write lock, says so, keeps it for holdMs, commits, says when.
const HOLDER = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const state = new Int32Array(workerData.state);
const releasedAt = new Float64Array(workerData.releasedAt);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
db.exec('begin immediate');
db.prepare("insert into rate_limit_hit (key, count, window_start) values (?, 1, 0)").run(workerData.key);
const end = performance.now() + workerData.holdMs;
Atomics.store(state, 0, 1);
Atomics.notify(state, 0);
while (performance.now() < end) Atomics.wait(state, 1, 0, 0.05);
db.exec('commit');
releasedAt[0] = performance.timeOrigin + performance.now();
db.close();
`;

/** Another connection holds `file`'s write lock for `holdMs` from when this returns. */
function holdWriteLock(file: string, holdMs: number, key: string) {
	const state = new SharedArrayBuffer(8);
	const releasedAt = new SharedArrayBuffer(8);
	const worker = new Worker(HOLDER, {
		eval: true,
		workerData: { driver, file, holdMs, key, state, releasedAt }
	});
	const flags = new Int32Array(state);
	while (Atomics.load(flags, 0) === 0) Atomics.wait(flags, 0, 0, 5);
	const done = new Promise<number>((resolve, reject) => {
		worker.on('error', reject);
		worker.on('exit', () => {
			resolve(new Float64Array(releasedAt)[0]!);
		});
	});
	return { released: () => done };
}

/** Tries an insert through a plain connection; the error code it failed with, and how long it took. */
function failedInsert(conn: Database.Database, key: string) {
	const start = now();
	let code: unknown;
	try {
		conn.prepare('insert into rate_limit_hit (key, count, window_start) values (?, 1, 0)').run(key);
	} catch (e) {
		code = (e as { code?: unknown }).code;
	}
	return { code, waited: now() - start };
}

let t: TestDb | undefined;
afterEach(() => {
	t?.close();
	t = undefined;
});

const keys = (db: TestDb['db']) =>
	db.all<{ key: string }>(sql`select key from rate_limit_hit order by key`).map((r) => r.key);

describe('waiting for another connection’s write lock', () => {
	it('a transaction waits for the lock and starts within a few ms of its release, not after SQLite’s sleeps', async () => {
		t = createTestDb();
		const waitedBefore = lockWaits.statements;
		const overshoots: number[] = [];
		for (let i = 0; i < 5; i++) {
			// SQLite's own handler sleeps 1, 2, 5, 10 ms: a lock released after 9 ms is seen at 18.
			const holder = holdWriteLock(t.file, 9, `held-${i}`);
			t.db.transaction(
				(tx) => {
					tx.run(
						sql`insert into rate_limit_hit (key, count, window_start) values (${`ours-${i}`}, 1, 0)`
					);
				},
				{ behavior: 'immediate' }
			);
			const wrote = now();
			const released = await holder.released();
			expect(wrote).toBeGreaterThanOrEqual(released - 1);
			overshoots.push(wrote - released);
		}
		overshoots.sort((a, b) => a - b);
		expect(overshoots[2]).toBeLessThan(5);
		expect(lockWaits.statements - waitedBefore).toBe(5);
		expect(keys(t.db)).toHaveLength(10);
	});

	it('a single statement outside a transaction waits too, and the wait shows in /metrics', async () => {
		t = createTestDb();
		const registry = new Registry();
		lockWaitMetrics([registry]);
		const holder = holdWriteLock(t.file, 30, 'held');
		t.db.run(sql`insert into rate_limit_hit (key, count, window_start) values ('ours', 1, 0)`);
		await holder.released();
		expect(keys(t.db)).toEqual(['held', 'ours']);
		const text = await registry.metrics();
		expect(text).toMatch(/^tamkeen_sqlite_lock_waits_total 1$/m);
		const seconds = Number(/^tamkeen_sqlite_lock_wait_seconds_total (\S+)$/m.exec(text)?.[1]);
		expect(seconds).toBeGreaterThan(0.02);
		expect(seconds).toBeLessThan(1);
		expect(text).toMatch(/^tamkeen_sqlite_lock_timeouts_total 0$/m);
	});

	it('gives up with SQLITE_BUSY after its patience, and the other connection’s write is kept', async () => {
		t = createTestDb();
		const ours = new Database(t.file);
		waitForLocksInSteps(ours, 100);
		const gaveUpBefore = lockWaits.gaveUp;
		const holder = holdWriteLock(t.file, 600, 'held');
		const { code, waited } = failedInsert(ours, 'ours');
		await holder.released();
		ours.close();
		expect(code).toBe('SQLITE_BUSY');
		expect(waited).toBeGreaterThanOrEqual(100);
		expect(waited).toBeLessThan(500);
		expect(lockWaits.gaveUp - gaveUpBefore).toBe(1);
		expect(keys(t.db)).toEqual(['held']);
	});

	it('leaves connections it was not asked to manage alone', async () => {
		t = createTestDb();
		const other = new Database(t.file);
		other.pragma('busy_timeout = 0');
		const waitedBefore = lockWaits.statements;
		const holder = holdWriteLock(t.file, 200, 'held');
		const { code, waited } = failedInsert(other, 'x');
		expect(code).toBe('SQLITE_BUSY');
		expect(waited).toBeLessThan(100);
		await holder.released();
		other.close();
		expect(lockWaits.statements).toBe(waitedBefore);
	});
});
