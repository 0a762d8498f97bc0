import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Config } from '../config.ts';
import { dataFiles } from './data-files.ts';
import {
	BACKUP_DB,
	BackupError,
	DATA_PREFIX,
	MANIFEST,
	describeFile,
	type Manifest
} from './manifest.ts';
import { schemaState } from './schema-version.ts';
import { pruneBackups } from './prune.ts';

export type BackupSettings = Pick<Config, 'databaseUrl' | 'dataDir' | 'backupDir' | 'backupKeep'>;
export type BackupResult = { dir: string; manifest: Manifest; removed: string[] };

const stamp = (d: Date) =>
	d
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d+Z$/, 'Z');

function appVersion(): string {
	try {
		const pkg = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as {
			version?: string;
		};
		return pkg.version ?? 'unknown';
	} catch {
		return 'unknown';
	}
}

/**
 * The copy keeps the source's WAL flag in its header; in rollback mode it is one self-contained
 * file (no -wal or -shm appear when it is opened, so its sha256 stays true).
 */
function standalone(file: string): void {
	const db = new Database(file, { fileMustExist: true });
	try {
		db.pragma('journal_mode = DELETE');
	} finally {
		db.close();
	}
}

/** integrity_check, foreign_key_check and the migrations of the copy; throws if any fails. */
export function checkCopy(file: string): Pick<Manifest, 'checks' | 'schema'> {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
			.map((r) => r.integrity_check)
			.join('; ');
		const foreignKeyViolations = (db.pragma('foreign_key_check') as unknown[]).length;
		const schema = schemaState(db);
		if (integrity !== 'ok') throw new BackupError(`integrity_check of the copy: ${integrity}`);
		if (foreignKeyViolations > 0)
			throw new BackupError(`foreign_key_check of the copy: ${foreignKeyViolations} violation(s)`);
		if (schema.unknown > 0 || schema.missing > 0)
			throw new BackupError(
				`the copy's migrations are not this version's (${schema.missing} missing, ${schema.unknown} unknown): run the server once so it migrates, then back up`
			);
		return {
			checks: { integrity, foreignKeyViolations },
			schema: { migrations: schema.applied, lastMigrationAt: schema.lastMigrationAt }
		};
	} finally {
		db.close();
	}
}

/**
 * Takes an online backup with SQLite's backup API (consistent while the server writes; a file
 * copy of a WAL database is not), copies DATA_DIR beside it, checks the copy, writes the manifest
 * last, then keeps the newest `backupKeep` backups. Built in a `.partial` folder renamed at the
 * end, so a folder named like a backup is always complete.
 */
export async function takeBackup(
	settings: BackupSettings,
	{ into = settings.backupDir, now = new Date() }: { into?: string; now?: Date } = {}
): Promise<BackupResult> {
	const t0 = performance.now();
	if (settings.databaseUrl === ':memory:')
		throw new BackupError('DATABASE_URL is :memory:, there is no database file to back up');
	if (!fs.existsSync(settings.databaseUrl))
		throw new BackupError(`no database at ${settings.databaseUrl} (check DATABASE_URL)`);
	fs.mkdirSync(into, { recursive: true, mode: 0o700 });
	let name = `tamkeen-${stamp(now)}`;
	for (let i = 2; fs.existsSync(path.join(into, name)); i++) name = `tamkeen-${stamp(now)}-${i}`;
	const final = path.join(into, name);
	const work = `${final}.partial`;
	fs.rmSync(work, { recursive: true, force: true });
	fs.mkdirSync(work, { mode: 0o700 });
	try {
		const source = new Database(settings.databaseUrl, { fileMustExist: true });
		try {
			source.pragma('busy_timeout = 5000');
			// After the first step, copy every remaining page in one step: a write from another
			// connection between two steps restarts the copy, and under steady writes small steps
			// could restart for ever. One step reads one consistent snapshot (WAL lets writers go on).
			await source.backup(path.join(work, BACKUP_DB), { progress: () => 0x7fffffff });
		} finally {
			source.close();
		}
		standalone(path.join(work, BACKUP_DB));
		const checked = checkCopy(path.join(work, BACKUP_DB));
		const files = [describeFile(work, BACKUP_DB)];
		for (const rel of dataFiles(settings.dataDir, settings.databaseUrl, into)) {
			const target = path.join(work, DATA_PREFIX, rel);
			fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
			fs.copyFileSync(path.join(settings.dataDir, rel), target);
			files.push(describeFile(work, path.join(DATA_PREFIX, rel)));
		}
		const manifest: Manifest = {
			format: 1,
			createdAt: now.toISOString(),
			appVersion: appVersion(),
			...checked,
			database: BACKUP_DB,
			files,
			ms: Math.round(performance.now() - t0)
		};
		fs.writeFileSync(path.join(work, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', {
			mode: 0o600
		});
		fs.renameSync(work, final);
		const removed = pruneBackups(into, settings.backupKeep);
		return { dir: final, manifest, removed };
	} catch (e) {
		fs.rmSync(work, { recursive: true, force: true });
		throw e;
	}
}
