import { afterEach, describe, expect, it } from 'vitest';
import {
	bumpContentVersion,
	cachedContent,
	syncContentCache
} from '../../../src/lib/server/courses/cache.ts';
import { createTestDb, type TestDb } from '../../helpers/db.ts';

let t: TestDb;
afterEach(() => {
	t.close();
});

describe('the content cache inside transactions', () => {
	it('is read and filled inside a transaction, but not while content changes', () => {
		t = createTestDb();
		const { db } = t;
		const now = new Date();
		syncContentCache(db);
		expect(cachedContent(db, 'course', () => 'v1')).toBe('v1');

		// A quiz start or submission reads published content inside its transaction.
		expect(db.transaction((tx) => cachedContent(tx, 'course', () => 'rebuilt'))).toBe('v1');

		// A transaction that changes no content reads committed content: what it builds is kept.
		expect(db.transaction((tx) => cachedContent(tx, 'other', () => 'built in tx'))).toBe(
			'built in tx'
		);
		expect(cachedContent(db, 'other', () => 'never built')).toBe('built in tx');

		// A change of content bumps first, so its own reads see the new content, not the cached
		// one, and nothing it builds is kept (it may yet be rolled back).
		const inside = db.transaction((tx) => {
			bumpContentVersion(tx, { db, now });
			return [
				cachedContent(tx, 'course', () => 'v2'),
				cachedContent(tx, 'course', () => 'v2 again')
			];
		});
		expect(inside).toEqual(['v2', 'v2 again']);
		syncContentCache(db);
		expect(cachedContent(db, 'course', () => 'v2')).toBe('v2');
		expect(cachedContent(db, 'course', () => 'never built')).toBe('v2');
	});

	it('is emptied by a change that is rolled back, and refilled from the database', () => {
		t = createTestDb();
		const { db } = t;
		syncContentCache(db);
		cachedContent(db, 'course', () => 'v1');
		expect(() =>
			db.transaction((tx) => {
				bumpContentVersion(tx, { db, now: new Date() });
				throw new Error('publish failed');
			})
		).toThrow('publish failed');
		syncContentCache(db);
		expect(cachedContent(db, 'course', () => 'read again')).toBe('read again');
	});
});
