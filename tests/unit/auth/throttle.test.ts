import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	PAIR_POLICY,
	clearFailures,
	delayAfter,
	lockedFor,
	passwordAttemptWait,
	recordFailure,
	recordRightPassword,
	recordWrongPassword
} from '../../../src/lib/server/auth/throttle.ts';
import { createTestDb, type TestDb } from '../../helpers/db.ts';

const policy = { freeFailures: 2, firstDelayMs: 1000, maxDelayMs: 5000, forgetAfterMs: 60_000 };
let t: TestDb;
beforeEach(() => (t = createTestDb()));
afterEach(() => {
	t.close();
});

describe('sign-in throttling', () => {
	it('lets the free failures through, then delays each further one twice as long, up to a cap', () => {
		expect([1, 2, 3, 4, 5, 6, 7].map((n) => delayAfter(n, policy))).toEqual([
			0, 1000, 2000, 4000, 5000, 5000, 5000
		]);
	});

	it('makes a key wait after its free failures, and not after the delay', () => {
		const now = 1_000_000;
		recordFailure(t.db, 'k', policy, now);
		expect(lockedFor(t.db, 'k', now + 10)).toBe(0);
		recordFailure(t.db, 'k', policy, now + 10);
		expect(lockedFor(t.db, 'k', now + 10)).toBe(1000);
		expect(lockedFor(t.db, 'k', now + 1010)).toBe(0);
		recordFailure(t.db, 'k', policy, now + 1010);
		expect(lockedFor(t.db, 'k', now + 1010)).toBe(2000);
	});

	it('starts counting again once the key has been quiet long enough', () => {
		const now = 1_000_000;
		recordFailure(t.db, 'k', policy, now);
		recordFailure(t.db, 'k', policy, now + 1000);
		recordFailure(t.db, 'k', policy, now + 61_001 + 1000);
		expect(lockedFor(t.db, 'k', now + 62_002)).toBe(0);
	});

	it('keeps keys apart and forgets a key when told', () => {
		for (let i = 0; i < 2; i++) recordFailure(t.db, 'a', policy, 5000);
		expect(lockedFor(t.db, 'a', 5000)).toBeGreaterThan(0);
		expect(lockedFor(t.db, 'b', 5000)).toBe(0);
		clearFailures(t.db, 'a');
		expect(lockedFor(t.db, 'a', 5000)).toBe(0);
	});

	it('never slows the owner’s address for failures from other addresses (issue 9 #6)', () => {
		const now = 1_000_000;
		for (let a = 0; a < 20; a++)
			for (let i = 0; i < PAIR_POLICY.freeFailures; i++)
				recordWrongPassword(t.db, { account: 'owner@example.tn', ip: `10.0.0.${a}` }, now);
		expect(passwordAttemptWait(t.db, { account: 'owner@example.tn', ip: '10.0.0.3' }, now)).toBe(
			PAIR_POLICY.firstDelayMs
		);
		expect(passwordAttemptWait(t.db, { account: 'owner@example.tn', ip: '192.0.2.1' }, now)).toBe(
			0
		);
		recordRightPassword(t.db, { account: 'owner@example.tn', ip: '10.0.0.3' });
		expect(passwordAttemptWait(t.db, { account: 'owner@example.tn', ip: '10.0.0.3' }, now)).toBe(0);
	});
});
