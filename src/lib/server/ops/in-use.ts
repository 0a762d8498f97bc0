import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Holds the target database so no server can use it while it is replaced, or says who has it.
 *
 * Why this works: every connection to a WAL database keeps a shared lock on it (on the -shm
 * file) for as long as it is open, idle or not. Leaving WAL mode needs every other connection
 * gone, so `journal_mode = DELETE` fails with SQLITE_BUSY exactly when another process (a
 * running server, a CLI tool) has the file open. We then keep an exclusive transaction open
 * until the swap is done, so a server starting meanwhile waits instead of opening the old file.
 * A file that is not there is not in use.
 */
export type TargetLock = { release: () => void };

export class TargetInUse extends Error {}

export function lockTarget(file: string): TargetLock {
	if (!fs.existsSync(file)) return { release: () => undefined };
	const db = new Database(file, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 0');
		db.pragma('journal_mode = DELETE');
		db.exec('begin exclusive');
	} catch (e) {
		db.close();
		if ((e as { code?: string }).code === 'SQLITE_BUSY')
			throw new TargetInUse(
				`${file} is in use by another process (is the Tamkeen server running?). Stop the server, then restore.`
			);
		throw e;
	}
	return {
		release: () => {
			if (db.inTransaction) db.exec('rollback');
			db.close();
		}
	};
}
