import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { loginThrottle, user } from '../db/schema/index.ts';
import { recordAudit } from '../audit/log.ts';

/**
 * Growing delays, never a lock that strangers can set on someone else (OWASP authentication
 * cheat sheet): a key may fail `freeFailures` times without waiting; that failure and each
 * further one make it wait `firstDelayMs`, then twice as long, up to `maxDelayMs`. A key quiet
 * for `forgetAfterMs` starts afresh.
 */
export type ThrottlePolicy = {
	freeFailures: number;
	firstDelayMs: number;
	maxDelayMs: number;
	forgetAfterMs: number;
};

const MINUTE = 60_000;
/** One address guessing one account's password: 5 free tries, then 2, 4, 8, 15 minutes. */
export const PAIR_POLICY: ThrottlePolicy = {
	freeFailures: 5,
	firstDelayMs: 2 * MINUTE,
	maxDelayMs: 15 * MINUTE,
	forgetAfterMs: 60 * MINUTE
};
/** One address across all accounts: a whole office may share it, so allow more. */
export const ADDRESS_POLICY: ThrottlePolicy = {
	freeFailures: 30,
	firstDelayMs: 2 * MINUTE,
	maxDelayMs: 15 * MINUTE,
	forgetAfterMs: 60 * MINUTE
};

/** The delay a key earns with its `failures`-th failure. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
	const over = failures - policy.freeFailures;
	if (over < 0) return 0;
	return Math.min(policy.firstDelayMs * 2 ** Math.min(over, 30), policy.maxDelayMs);
}

/** Milliseconds until the key may try again, or 0 when it may try now. */
export function lockedFor(db: Db, key: string, now = Date.now()): number {
	const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
	const until = row?.lockedUntil?.getTime() ?? 0;
	return until > now ? until - now : 0;
}

/**
 * Counts one failure and sets the key's next delay. `window_start` holds the last failure.
 * Returns the key's failure count, so a caller can tell the failure that started a lock.
 */
export function recordFailure(
	db: Db,
	key: string,
	policy: ThrottlePolicy,
	now = Date.now()
): number {
	const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
	const fresh = !row || now - row.windowStart.getTime() > policy.forgetAfterMs;
	const failures = fresh ? 1 : row.failures + 1;
	const windowStart = new Date(now);
	const delay = delayAfter(failures, policy);
	const lockedUntil = delay > 0 ? new Date(now + delay) : null;
	db.insert(loginThrottle)
		.values({ key, failures, windowStart, lockedUntil })
		.onConflictDoUpdate({ target: loginThrottle.key, set: { failures, windowStart, lockedUntil } })
		.run();
	return failures;
}

/** Forgets the failures of a key. */
export function clearFailures(db: Db, key: string): void {
	db.delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
}

/** A password check: whose password (normalised email) and from which address. */
export type PasswordAttempt = { account: string; ip: string };

const pairKey = ({ account, ip }: PasswordAttempt) => `pair:${account}|${ip}`;
const addressKey = ({ ip }: PasswordAttempt) => `ip:${ip}`;

/**
 * Milliseconds before this address may check this account's password again. Failures from
 * other addresses never count here, so the owner at their usual address is never kept out.
 */
export function passwordAttemptWait(db: Db, attempt: PasswordAttempt, now = Date.now()): number {
	return Math.max(lockedFor(db, pairKey(attempt), now), lockedFor(db, addressKey(attempt), now));
}

/**
 * Records a wrong password (sign-in or password change) against the pair and the address. The
 * failure that first makes a key wait is audited (`session.lockout`): the account by its id
 * (never the typed email, which may belong to no one), or the address.
 */
export function recordWrongPassword(db: Db, attempt: PasswordAttempt, now = Date.now()): void {
	const pair = recordFailure(db, pairKey(attempt), PAIR_POLICY, now);
	const address = recordFailure(db, addressKey(attempt), ADDRESS_POLICY, now);
	const at = new Date(now);
	if (pair === PAIR_POLICY.freeFailures) {
		const who = db.select({ id: user.id }).from(user).where(eq(user.email, attempt.account)).get();
		recordAudit(
			db,
			{
				actorId: null,
				action: 'session.lockout',
				subjectType: who ? 'user' : 'address',
				subjectId: who ? who.id : attempt.ip,
				details: { scope: 'account', minutes: PAIR_POLICY.firstDelayMs / 60_000 },
				ip: attempt.ip
			},
			at
		);
	}
	if (address === ADDRESS_POLICY.freeFailures)
		recordAudit(
			db,
			{
				actorId: null,
				action: 'session.lockout',
				subjectType: 'address',
				subjectId: attempt.ip,
				details: { scope: 'address', minutes: ADDRESS_POLICY.firstDelayMs / 60_000 },
				ip: attempt.ip
			},
			at
		);
}

/** After a right password, the pair starts afresh; the address keeps its count (it may guess others). */
export function recordRightPassword(db: Db, attempt: PasswordAttempt): void {
	clearFailures(db, pairKey(attempt));
}
