// Published content changes only when a course is imported, yet every page reads it. It is kept
// in memory per database connection and dropped whenever app_state['content'] changes: bumped in
// the same transaction as the change, read by every request with one prepared single-row
// SELECT, so several processes on one database file agree without talking to each other.
//
// Only user-independent data goes in here (course structure, metadata, lesson HTML, quizzes);
// a learner's progress, enrolments and attempts are always read from the database.
import { eq, sql } from 'drizzle-orm';
import type { Db, DbLike, Tx } from '../db/index.ts';
import { appState } from '../db/schema/index.ts';
import { connectionKey, prepared } from '../db/prepared.ts';

const CONTENT = 'content';

type Store = { version: number | null; entries: Map<string, unknown> };
// Per connection, so a transaction (which shares its database's connection key) finds it.
const stores = new WeakMap<object, Store>();

function storeOf(db: DbLike): Store {
	const key = connectionKey(db) ?? db;
	let store = stores.get(key);
	if (!store) {
		store = { version: null, entries: new Map() };
		stores.set(key, store);
	}
	return store;
}

const readVersion = (db: Db) =>
	db
		.select({ value: appState.value })
		.from(appState)
		.where(eq(appState.key, sql.placeholder('key')))
		.prepare();

/** The content version in the database (0 before the first import). */
export function contentVersion(db: Db): number {
	return prepared(db, readVersion).get({ key: CONTENT })?.value ?? 0;
}

/**
 * Once per request: drops this process's content caches if another process changed content.
 * `known` is the version this request has read already (the Fastify host reads it for its page
 * cache and hands it to SvelteKit, whose bundle holds its own copy of this module).
 */
export function syncContentCache(db: Db, known?: number): number {
	const store = storeOf(db);
	const version = known ?? contentVersion(db);
	if (version === store.version) return version;
	store.entries.clear();
	store.version = version;
	return version;
}

/**
 * Marks published content as changed, inside the transaction that changes it; this process
 * forgets its caches now, the others at their next request.
 */
export function bumpContentVersion(tx: Tx, { db, now }: { db: Db; now: Date }): void {
	tx.insert(appState)
		.values({ key: CONTENT, value: 1, updatedAt: now })
		.onConflictDoUpdate({
			target: appState.key,
			set: { value: sql`${appState.value} + 1`, updatedAt: now }
		})
		.run();
	const store = storeOf(db);
	store.entries.clear();
	// Unknown until the commit: the next sync adopts whatever the database then says.
	store.version = null;
}

/**
 * `build()`'s value under `key`, computed once per content version. A null value is not kept
 * (a stranger's guessed slugs must not grow the cache).
 *
 * Quiz starts and submissions read course metadata and structure inside their transactions,
 * and reading them afresh there was a fifth of a submission (issue 15), so transactions use the
 * cache too. That is safe because a transaction that changes content calls `bumpContentVersion`
 * before it reads anything: that empties this process's cache and leaves its version unknown,
 * and while the version is unknown nothing is kept. Any other transaction reads only committed
 * content. Nothing else runs in this process while a transaction is open (better-sqlite3 is
 * synchronous).
 */
export function cachedContent<T>(db: DbLike, key: string, build: () => T): T {
	const store = storeOf(db);
	if (store.entries.has(key)) return store.entries.get(key) as T;
	const value = build();
	const inTransaction = !('$client' in db) || db.$client.inTransaction;
	const keep = !inTransaction || store.version !== null;
	if (keep && value !== null && value !== undefined) store.entries.set(key, deepFreeze(value));
	return value;
}

/** Cached values are shared by every request: freezing them turns a stray mutation into an error. */
function deepFreeze<T>(value: T): T {
	if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
	Object.freeze(value);
	for (const v of Object.values(value)) deepFreeze(v);
	return value;
}
