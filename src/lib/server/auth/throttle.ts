import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { loginThrottle } from '../db/schema/index.ts';

export type ThrottlePolicy = { maxFailures: number; windowMs: number; lockMs: number };

const MINUTE = 60_000;
/** Per account: 5 failures in 15 minutes lock it for 15 minutes. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
	maxFailures: 5,
	windowMs: 15 * MINUTE,
	lockMs: 15 * MINUTE
};
/** Per IP: a whole office may share one address, so allow more. */
export const IP_POLICY: ThrottlePolicy = {
	maxFailures: 30,
	windowMs: 15 * MINUTE,
	lockMs: 15 * MINUTE
};

/** Milliseconds until the key may try again, or 0 when it is not locked. */
export function lockedFor(db: Db, key: string, now = Date.now()): number {
	const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
	const until = row?.lockedUntil?.getTime() ?? 0;
	return until > now ? until - now : 0;
}

/** Counts one failure; locks the key once it reaches the policy's limit within the window. */
export function recordFailure(db: Db, key: string, policy: ThrottlePolicy, now = Date.now()): void {
	const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
	const fresh = !row || now - row.windowStart.getTime() > policy.windowMs;
	const failures = fresh ? 1 : row.failures + 1;
	const windowStart = new Date(fresh ? now : row.windowStart.getTime());
	const lockedUntil = failures >= policy.maxFailures ? new Date(now + policy.lockMs) : null;
	db.insert(loginThrottle)
		.values({ key, failures, windowStart, lockedUntil })
		.onConflictDoUpdate({ target: loginThrottle.key, set: { failures, windowStart, lockedUntil } })
		.run();
}

/** Forgets the failures of a key (after a successful sign-in). */
export function clearFailures(db: Db, key: string): void {
	db.delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
}
