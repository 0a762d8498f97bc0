import type { Db, DbLike } from './index.ts';

// Drizzle builds the SQL string and better-sqlite3 compiles it on every call of a query builder;
// a statement prepared once per database skips both on the hot paths (issue 15).
const statements = new WeakMap<Db, Map<(db: Db) => unknown, unknown>>();

/**
 * The statement `build` prepares (with `sql.placeholder` for its values), built once per
 * database connection and kept for its life. `build` must be a module-level function: its
 * identity is the key.
 */
export function prepared<T>(db: Db, build: (db: Db) => T): T {
	let byBuild = statements.get(db);
	if (!byBuild) {
		byBuild = new Map();
		statements.set(db, byBuild);
	}
	if (byBuild.has(build)) return byBuild.get(build) as T;
	const statement = build(db);
	byBuild.set(build, statement);
	return statement;
}

/**
 * As `prepared`, on a database or inside a transaction: a transaction handle has no connection
 * of its own to keep statements on, so there the statement is built for this one call.
 */
export function preparedOn<T>(db: DbLike, build: (db: DbLike) => T): T {
	return '$client' in db ? prepared(db, build) : build(db);
}
