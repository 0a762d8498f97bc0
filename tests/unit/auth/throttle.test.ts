import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearFailures, lockedFor, recordFailure } from '../../../src/lib/server/auth/throttle.ts';
import { createTestDb, type TestDb } from '../../helpers/db.ts';

const policy = { maxFailures: 3, windowMs: 60_000, lockMs: 120_000 };
let t: TestDb;
beforeEach(() => (t = createTestDb()));
afterEach(() => {
	t.close();
});

describe('sign-in throttling', () => {
	it('locks a key when it reaches the limit within the window', () => {
		const now = 1_000_000;
		recordFailure(t.db, 'k', policy, now);
		recordFailure(t.db, 'k', policy, now + 1000);
		expect(lockedFor(t.db, 'k', now + 2000)).toBe(0);
		recordFailure(t.db, 'k', policy, now + 2000);
		expect(lockedFor(t.db, 'k', now + 2000)).toBe(120_000);
		expect(lockedFor(t.db, 'k', now + 2000 + 120_000)).toBe(0);
	});

	it('starts counting again once the window has passed', () => {
		const now = 1_000_000;
		recordFailure(t.db, 'k', policy, now);
		recordFailure(t.db, 'k', policy, now + 1000);
		recordFailure(t.db, 'k', policy, now + 61_001 + 1000);
		expect(lockedFor(t.db, 'k', now + 62_002)).toBe(0);
	});

	it('keeps keys apart and forgets a key on success', () => {
		for (let i = 0; i < 3; i++) recordFailure(t.db, 'a', policy, 5000);
		expect(lockedFor(t.db, 'a', 5000)).toBeGreaterThan(0);
		expect(lockedFor(t.db, 'b', 5000)).toBe(0);
		clearFailures(t.db, 'a');
		expect(lockedFor(t.db, 'a', 5000)).toBe(0);
	});
});
