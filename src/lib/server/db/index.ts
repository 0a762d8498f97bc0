import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { sql } from 'drizzle-orm';
import * as schema from './schema/index.ts';
import { waitForLocksInSteps } from './lock-wait.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A transaction handle: domain functions that write take `DbLike` so they can run inside one. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbLike = Db | Tx;

/** db/migrations, found from the working directory or, failing that, from this file. */
export function migrationsFolder(): string {
	const fromCwd = path.resolve('db/migrations');
	if (fs.existsSync(fromCwd)) return fromCwd;
	const here = path.dirname(fileURLToPath(import.meta.url));
	return path.resolve(here, '../../../../db/migrations');
}

/**
 * Opens (creating if needed) the SQLite database, sets WAL and foreign keys, applies migrations;
 * its statements wait for other processes' locks in short steps (lock-wait.ts).
 * `onStatement` sees the SQL of every statement run (tests count them per page).
 */
export function createDb(
	url: string,
	{ onStatement }: { onStatement?: (sql: string) => void } = {}
): Db {
	if (url !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(url)), { recursive: true });
	const sqlite = new Database(
		url,
		onStatement
			? {
					verbose: (message) => {
						onStatement(String(message));
					}
				}
			: {}
	);
	// Before anything that may need a lock: other processes may be writing (lock-wait.ts).
	waitForLocksInSteps(sqlite);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('synchronous = NORMAL');
	// digest(x): a short fingerprint of a value, so a query can tell large JSON values apart
	// without sending them to JavaScript (item analysis: which definition of a question an
	// attempt showed). SHA-1 is enough to tell definitions apart; nothing here is a secret.
	sqlite.function('digest', { deterministic: true }, (value: unknown) =>
		value == null
			? null
			: createHash('sha1')
					.update(typeof value === 'string' ? value : (value as Buffer))
					.digest('base64')
	);
	const db: Db = drizzle<typeof schema>(sqlite, { schema });
	migrate(db, { migrationsFolder: migrationsFolder() });
	return db;
}

/** True when a trivial query succeeds: what /healthz reports. */
export function pingDb(db: Db): boolean {
	try {
		return db.get<{ ok: number }>(sql`select 1 as ok`).ok === 1;
	} catch {
		return false;
	}
}

export { schema };
