import type { Db } from './index.ts';

export type Hit = { count: number; windowStart: number };

/**
 * Fixed-window request counters in `rate_limit_hit`, shared by every process on the database:
 * one UPSERT … RETURNING per request (prepared once), and an occasional delete of old windows.
 */
export function rateLimitCounter(db: Db) {
	const sqlite = db.$client;
	// Both SET expressions read the old row, so an expired window restarts at 1 from `now`.
	const hit = sqlite.prepare<[{ key: string; now: number; cutoff: number }], Hit>(
		`insert into rate_limit_hit (key, count, window_start) values (@key, 1, @now)
		 on conflict (key) do update set
		   count = case when window_start <= @cutoff then 1 else count + 1 end,
		   window_start = case when window_start <= @cutoff then @now else window_start end
		 returning count, window_start as windowStart`
	);
	const prune = sqlite.prepare<[number]>('delete from rate_limit_hit where window_start <= ?');
	let sincePrune = 0;
	return {
		/** Counts one request for `key` in a window of `windowMs`; returns the count so far. */
		hit(key: string, windowMs: number, now = Date.now()): Hit {
			if (++sincePrune >= 1000) {
				sincePrune = 0;
				this.prune(windowMs, now);
			}
			const row = hit.get({ key, now, cutoff: now - windowMs });
			if (!row) throw new Error('rate_limit_hit upsert returned no row');
			return row;
		},
		/** Deletes windows that ended (every process prunes now and then; any one suffices). */
		prune(windowMs: number, now = Date.now()): number {
			return prune.run(now - windowMs).changes;
		}
	};
}
