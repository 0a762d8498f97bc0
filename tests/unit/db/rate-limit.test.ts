import { afterEach, describe, expect, it } from 'vitest';
import { createDb } from '../../../src/lib/server/db/index.ts';
import { rateLimitCounter } from '../../../src/lib/server/db/rate-limit.ts';
import { createTestDb, type TestDb } from '../../helpers/db.ts';

let t: TestDb;
afterEach(() => {
	t.close();
});

describe('rateLimitCounter', () => {
	it('counts hits of two connections on one file together, as two worker processes do', () => {
		t = createTestDb();
		const other = createDb(t.file);
		const a = rateLimitCounter(t.db);
		const b = rateLimitCounter(other);
		const counts = [a, b, a, b, b].map((c) => c.hit('203.0.113.7', 60_000, 1_000).count);
		other.$client.close();
		expect(counts).toEqual([1, 2, 3, 4, 5]);
	});

	it('starts a new window at 1 once the old one has ended, and keys are counted apart', () => {
		t = createTestDb();
		const c = rateLimitCounter(t.db);
		c.hit('a', 60_000, 1_000);
		c.hit('a', 60_000, 2_000);
		expect(c.hit('b', 60_000, 2_000).count).toBe(1);
		expect(c.hit('a', 60_000, 60_999)).toEqual({ count: 3, windowStart: 1_000 });
		expect(c.hit('a', 60_000, 61_000)).toEqual({ count: 1, windowStart: 61_000 });
	});

	it('prunes only windows that have ended', () => {
		t = createTestDb();
		const c = rateLimitCounter(t.db);
		c.hit('old', 60_000, 1_000);
		c.hit('new', 60_000, 50_000);
		expect(c.prune(60_000, 61_000)).toBe(1);
		expect(c.hit('new', 60_000, 61_000).count).toBe(2);
	});
});
