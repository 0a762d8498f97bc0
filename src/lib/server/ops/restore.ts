import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Config } from '../config.ts';
import { lockTarget } from './in-use.ts';
import { BackupError, DATA_PREFIX, readManifest, verifyFiles, type Manifest } from './manifest.ts';
import { schemaState } from './schema-version.ts';

export type RestoreSettings = Pick<Config, 'databaseUrl' | 'dataDir'>;
export type RestoreResult = {
	manifest: Manifest;
	database: string;
	dataFiles: string[];
	/** Where the files that were replaced now are (nothing is deleted). */
	setAside: string[];
	/** Migrations the server will apply at its next start (backup from an older version). */
	pendingMigrations: number;
};

const stamp = () =>
	new Date()
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d+Z$/, 'Z');

/** Checks that do not touch the target: the manifest, every sha256, the copy's schema. */
export function checkBackup(backupDir: string): { manifest: Manifest; pending: number } {
	const manifest = readManifest(backupDir);
	const problems = verifyFiles(backupDir, manifest);
	if (problems.length > 0)
		throw new BackupError(
			`the backup does not match its manifest, nothing was restored:\n  ${problems.join('\n  ')}`
		);
	const db = new Database(path.join(backupDir, manifest.database), {
		readonly: true,
		fileMustExist: true
	});
	try {
		const schema = schemaState(db);
		if (schema.unknown > 0)
			throw new BackupError(
				`the backup's schema is newer than this version of Tamkeen knows (${schema.unknown} migration(s) it does not ship; backup made by version ${manifest.appVersion}): install that version or later, then restore`
			);
		const integrity = db.pragma('integrity_check', { simple: true }) as string;
		if (integrity !== 'ok') throw new BackupError(`integrity_check of the backup: ${integrity}`);
		return { manifest, pending: schema.missing };
	} finally {
		db.close();
	}
}

function setAside(file: string, suffix: string, moved: string[]): void {
	if (!fs.existsSync(file)) return;
	const to = `${file}.${suffix}`;
	fs.renameSync(file, to);
	moved.push(to);
}

/**
 * Restores a backup folder into DATABASE_URL and DATA_DIR: checks first (manifest, sha256s,
 * schema not newer, target not in use), then sets the current database and the DATA_DIR files
 * the backup holds aside (renamed `*.before-restore-<time>`) and copies the backup in.
 */
export function restoreBackup(settings: RestoreSettings, backupDir: string): RestoreResult {
	if (settings.databaseUrl === ':memory:')
		throw new BackupError('DATABASE_URL is :memory:, there is nowhere to restore to');
	const { manifest, pending } = checkBackup(backupDir);
	const target = path.resolve(settings.databaseUrl);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	const lock = lockTarget(target);
	const suffix = `before-restore-${stamp()}`;
	const moved: string[] = [];
	const data: string[] = [];
	try {
		const incoming = `${target}.restoring`;
		fs.copyFileSync(path.join(backupDir, manifest.database), incoming);
		for (const s of ['', '-wal', '-shm', '-journal']) setAside(target + s, suffix, moved);
		fs.renameSync(incoming, target);
		// Top-level DATA_DIR entries the backup brings (e.g. keys/) replace the current ones whole,
		// so a restored key set is exactly the backed-up one.
		const files = manifest.files.filter((f) => f.path.startsWith(DATA_PREFIX + '/'));
		const tops = new Set(files.map((f) => f.path.split('/')[1] ?? '').filter(Boolean));
		for (const top of tops) setAside(path.join(settings.dataDir, top), suffix, moved);
		for (const f of files) {
			const rel = f.path.slice(DATA_PREFIX.length + 1);
			const to = path.join(settings.dataDir, rel);
			fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
			fs.copyFileSync(path.join(backupDir, f.path), to);
			fs.chmodSync(to, 0o600);
			data.push(to);
		}
	} finally {
		lock.release();
	}
	return {
		manifest,
		database: target,
		dataFiles: data,
		setAside: moved,
		pendingMigrations: pending
	};
}
