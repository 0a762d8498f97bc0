import type { Db, DbLike } from './index.ts';

// Drizzle builds the SQL string and better-sqlite3 compiles it on every call of a query builder;
// a statement prepared once per connection skips both on the hot paths (issue 15).
//
// Statements are kept per Drizzle session. A transaction handle runs on its database's session
// (Drizzle hands the same session object down to every transaction and savepoint), so a
// statement prepared through either is the same compiled statement on the same connection,
// valid inside and outside transactions. Writes run in transactions, which is where compiling
// cost most: it was a fifth of a quiz submission.
const statements = new WeakMap<object, Map<(db: never) => unknown, unknown>>();

/**
 * The statement `build` prepares (with `sql.placeholder` for its values), built once per
 * connection and kept for its life. `build` must be a module-level function: its identity is
 * the key.
 */
export function prepared<T>(db: Db, build: (db: Db) => T): T {
	return preparedOn(db, build as (db: DbLike) => T);
}

/** As `prepared`, on a database or inside a transaction. */
export function preparedOn<T>(db: DbLike, build: (db: DbLike) => T): T {
	const session = connectionKey(db);
	// Without a session (a Drizzle that no longer exposes it) the statement is built per call.
	if (!session) return build(db);
	let byBuild = statements.get(session);
	if (!byBuild) {
		byBuild = new Map();
		statements.set(session, byBuild);
	}
	if (byBuild.has(build)) return byBuild.get(build) as T;
	const statement = build(db);
	byBuild.set(build, statement);
	return statement;
}

/**
 * What a database and all its transactions have in common, to key per-connection state by:
 * Drizzle's session (see above); undefined if a Drizzle version stops exposing it.
 */
export function connectionKey(db: DbLike): object | undefined {
	return (db as unknown as { session?: object }).session;
}
