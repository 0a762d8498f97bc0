import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Small counters every server process reads, so that several processes on one database agree
 * without talking to each other: e.g. 'content' is bumped in the same transaction as a course
 * import or publication, and each process drops its content caches when it sees a new value.
 */
export const appState = sqliteTable('app_state', {
	key: text('key').primaryKey(),
	value: integer('value').notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

/**
 * Requests per client key and fixed window, shared by every worker process (rate limiting):
 * counted here rather than in each process's memory, so N workers do not allow N times the limit.
 */
export const rateLimitHit = sqliteTable('rate_limit_hit', {
	key: text('key').primaryKey(),
	count: integer('count').notNull(),
	windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull()
});
