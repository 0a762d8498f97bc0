import type Database from 'better-sqlite3';

// Waiting for another process's write lock in steps of tenths of a millisecond (issue 15).
//
// With WORKERS=N, N processes write to one SQLite file, and a write that finds another
// process's transaction holding the lock must wait. SQLite's own busy handler (what
// `busy_timeout` turns on) sleeps 1, 2, 5, 10, 15, 20, 25 … 100 ms between tries, inside the
// synchronous call, so the worker serves nothing meanwhile, while the transactions it waits for
// last a fraction of a millisecond. Under `bench:load` that meant 40–70 such sleeps a second;
// without them the save p99 went from 152 to 85 ms in one pair of runs. better-sqlite3 offers
// no custom busy handler, so connections opened here set `busy_timeout = 0` and their
// statements try again themselves: a short wait, doubling to at most half a millisecond, for
// up to the same 5 s SQLite waited before.
//
// Every better-sqlite3 statement shares one prototype, so that is where the retry goes; it acts
// only for connections registered here (a backup's or a restore's own connection keeps its own
// rules). Statements cover queries, Drizzle's and better-sqlite3's BEGIN/COMMIT, and `pragma`;
// `Database.exec` is not covered (a script that failed halfway cannot simply run again), and no
// code runs `exec` on these connections.

/** How long a statement keeps trying before it fails with SQLITE_BUSY (was `busy_timeout`). */
export const LOCK_WAIT_MS = 5000;
const FIRST_STEP_MS = 0.025;
const LONGEST_STEP_MS = 0.5;

/** Connections whose statements retry, with each one's patience in ms. */
const patience = new WeakMap<object, number>();
/** What this process has waited for locks: for /metrics. */
export const lockWaits = { statements: 0, seconds: 0, gaveUp: 0 };

// Atomics.wait on a cell nobody notifies: a sleep shorter than a millisecond, which the
// event loop's timers cannot give a synchronous call.
const cell = new Int32Array(new SharedArrayBuffer(4));

type Run = (this: Statement, ...args: unknown[]) => unknown;
type Statement = { database: object };
let installed = false;

/**
 * Makes `sqlite` wait for locks in short steps instead of SQLite's sleeps. Call right after
 * opening it, before any statement that may need a lock.
 */
export function waitForLocksInSteps(sqlite: Database.Database, waitMs = LOCK_WAIT_MS): void {
	sqlite.pragma('busy_timeout = 0');
	patience.set(sqlite, waitMs);
	if (installed) return;
	installed = true;
	const proto = Object.getPrototypeOf(sqlite.prepare('select 1')) as Record<
		'run' | 'get' | 'all',
		Run
	>;
	for (const name of ['run', 'get', 'all'] as const) {
		const original = proto[name];
		proto[name] = function (this: Statement, ...args: unknown[]) {
			try {
				return original.apply(this, args);
			} catch (e) {
				const waitMs = isBusy(e) ? patience.get(this.database) : undefined;
				if (waitMs === undefined) throw e;
				return retry(() => original.apply(this, args), e, waitMs);
			}
		};
	}
}

/**
 * Plain SQLITE_BUSY only: the lock is held and will be released. SQLITE_BUSY_SNAPSHOT (a
 * transaction that read an older state and now wants to write) can never succeed by waiting,
 * and SQLite does not wait on it either.
 */
function isBusy(e: unknown): boolean {
	return (e as { code?: unknown } | null)?.code === 'SQLITE_BUSY';
}

function retry<T>(attempt: () => T, first: unknown, waitMs: number): T {
	const start = performance.now();
	lockWaits.statements++;
	let step = FIRST_STEP_MS;
	let failure = first;
	try {
		while (performance.now() - start < waitMs) {
			// Jitter, so two processes that collided do not retry in step.
			Atomics.wait(cell, 0, 0, step * (0.5 + Math.random()));
			step = Math.min(step * 2, LONGEST_STEP_MS);
			try {
				return attempt();
			} catch (e) {
				if (!isBusy(e)) throw e;
				failure = e;
			}
		}
		lockWaits.gaveUp++;
		throw failure;
	} finally {
		lockWaits.seconds += (performance.now() - start) / 1000;
	}
}
