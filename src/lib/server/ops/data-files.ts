import fs from 'node:fs';
import path from 'node:path';

/** Beside the database: the result of the last backup (ops/last-backup.ts). */
export const LAST_BACKUP_FILE = 'last-backup.json';

/** Rebuilt on demand from the database and the keys, so not worth backing up. */
const REBUILDABLE = [path.join('certificates', 'pdf')];

const inside = (child: string, parent: string) =>
	child === parent || child.startsWith(parent + path.sep);

/**
 * The files kept beside the database under DATA_DIR (signing keys, and whatever else lands
 * there), relative to it: not the database and its WAL (copied with the backup API), not the
 * backups themselves, not the PDF cache.
 */
export function dataFiles(dataDir: string, databaseFile: string, backupRoot: string): string[] {
	const root = path.resolve(dataDir);
	const db = path.resolve(databaseFile);
	const skip = [
		path.resolve(backupRoot),
		...REBUILDABLE.map((r) => path.join(root, r)),
		// The record of the last backup describes this installation, not the restored one.
		path.join(root, LAST_BACKUP_FILE),
		...['', '-wal', '-shm', '-journal'].map((s) => db + s)
	];
	const out: string[] = [];
	const walk = (dir: string) => {
		let entries: fs.Dirent[];
		try {
			entries = fs.readdirSync(dir, { withFileTypes: true });
		} catch {
			return; // no DATA_DIR yet: nothing beside the database
		}
		for (const e of entries) {
			const full = path.join(dir, e.name);
			if (skip.some((s) => inside(full, s))) continue;
			if (e.isDirectory()) walk(full);
			else if (e.isFile() && !e.name.endsWith('.tmp')) out.push(path.relative(root, full));
		}
	};
	walk(root);
	return out.sort();
}
