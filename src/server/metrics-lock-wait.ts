import { Counter, type Registry } from 'prom-client';
import { lockWaits } from '../lib/server/db/lock-wait.ts';

/**
 * Write-lock contention between WORKERS processes (lock-wait.ts): how often this process's
 * statements found the database locked, how long they waited, and how many gave up. Counters
 * read at scrape time from the process-wide tally, each registry adding what it has not seen.
 */
export function lockWaitMetrics(registers: Registry[]): void {
	const seen = { ...lockWaits };
	const counter = (name: string, help: string, key: keyof typeof lockWaits) =>
		new Counter({
			name,
			help,
			registers,
			collect() {
				const delta = lockWaits[key] - seen[key];
				seen[key] = lockWaits[key];
				if (delta > 0) this.inc(delta);
			}
		});
	counter(
		'tamkeen_sqlite_lock_waits_total',
		"Statements that found the database locked by another process's write and waited",
		'statements'
	);
	counter(
		'tamkeen_sqlite_lock_wait_seconds_total',
		"Time this process's statements spent waiting for another process's write lock",
		'seconds'
	);
	counter(
		'tamkeen_sqlite_lock_timeouts_total',
		'Statements that waited the whole lock timeout and failed with SQLITE_BUSY',
		'gaveUp'
	);
}
