import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** One file of a backup, relative to the backup folder. */
export type ManifestFile = { path: string; bytes: number; sha256: string };

/** manifest.json, written last: a backup folder without one is incomplete. */
export type Manifest = {
	format: 1;
	createdAt: string;
	appVersion: string;
	/** Migrations applied in the copy: how many, and drizzle's `created_at` of the last. */
	schema: { migrations: number; lastMigrationAt: number };
	checks: { integrity: string; foreignKeyViolations: number };
	database: string;
	files: ManifestFile[];
	ms: number;
};

export const MANIFEST = 'manifest.json';
export const BACKUP_DB = 'tamkeen.db';
/** Files from DATA_DIR are kept under this folder of the backup. */
export const DATA_PREFIX = 'data';

export class BackupError extends Error {}

export function sha256File(file: string): string {
	const hash = crypto.createHash('sha256');
	const fd = fs.openSync(file, 'r');
	try {
		const buf = Buffer.alloc(1 << 20);
		let n: number;
		while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
	} finally {
		fs.closeSync(fd);
	}
	return hash.digest('hex');
}

export function describeFile(root: string, rel: string): ManifestFile {
	const full = path.join(root, rel);
	return { path: rel, bytes: fs.statSync(full).size, sha256: sha256File(full) };
}

export function readManifest(backupDir: string): Manifest {
	const file = path.join(backupDir, MANIFEST);
	let parsed: unknown;
	try {
		parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		throw new BackupError(`${file} is missing or not JSON: this is not a complete Tamkeen backup`);
	}
	const m = parsed as Partial<Manifest>;
	if (m.format !== 1 || !Array.isArray(m.files) || typeof m.database !== 'string' || !m.schema)
		throw new BackupError(`${file} is not a Tamkeen backup manifest (format 1)`);
	return m as Manifest;
}

/**
 * Every file listed must be there with its size and sha256, and no path may leave the folder;
 * returns the problems found (empty: the backup is as it was written).
 */
export function verifyFiles(backupDir: string, manifest: Manifest): string[] {
	const problems: string[] = [];
	const root = path.resolve(backupDir);
	for (const f of manifest.files) {
		const full = path.resolve(root, f.path);
		if (!full.startsWith(root + path.sep)) {
			problems.push(`${f.path}: path outside the backup`);
			continue;
		}
		if (!fs.existsSync(full)) {
			problems.push(`${f.path}: missing`);
			continue;
		}
		const size = fs.statSync(full).size;
		if (size !== f.bytes) problems.push(`${f.path}: ${size} bytes, manifest says ${f.bytes}`);
		else if (sha256File(full) !== f.sha256) problems.push(`${f.path}: sha256 differs`);
	}
	if (!manifest.files.some((f) => f.path === manifest.database))
		problems.push(`${manifest.database}: the database is not listed`);
	return problems;
}
