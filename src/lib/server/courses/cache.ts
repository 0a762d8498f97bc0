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
import { prepared } from '../db/prepared.ts';

const CONTENT = 'content';

type Store = { version: number | null; entries: Map<string, unknown> };
const stores = new WeakMap<Db, Store>();

function storeOf(db: Db): Store {
	let store = stores.get(db);
	if (!store) {
		store = { version: null, entries: new Map() };
		stores.set(db, store);
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
 * `build()`'s value under `key`, computed once per content version. Inside a transaction the
 * cache is neither read nor filled: the transaction may see content nobody has committed yet.
 * A null value is not kept (a stranger's guessed slugs must not grow the cache).
 */
export function cachedContent<T>(db: DbLike, key: string, build: () => T): T {
	if (!('$client' in db) || db.$client.inTransaction) return build();
	const entries = storeOf(db).entries;
	if (entries.has(key)) return entries.get(key) as T;
	const value = build();
	if (value !== null && value !== undefined) entries.set(key, deepFreeze(value));
	return value;
}

/** Cached values are shared by every request: freezing them turns a stray mutation into an error. */
function deepFreeze<T>(value: T): T {
	if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
	Object.freeze(value);
	for (const v of Object.values(value)) deepFreeze(v);
	return value;
}
