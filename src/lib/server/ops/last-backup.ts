import fs from 'node:fs';
import path from 'node:path';
import { takeBackup, type BackupResult, type BackupSettings } from './backup.ts';
import { LAST_BACKUP_FILE } from './data-files.ts';

/** The result of the most recent backup, as the system page and /metrics show it. */
export type LastBackup = {
	at: string;
	ok: boolean;
	/** Total bytes of the backup folder's files; 0 when it failed. */
	bytes: number;
	/** The backup folder; null when it failed. */
	path: string | null;
	ms: number;
	error: string | null;
	/** 'command' (npm run db:backup) or 'schedule' (BACKUP_EVERY_HOURS). */
	by: 'command' | 'schedule';
};

const fileOf = (dataDir: string) => path.join(dataDir, LAST_BACKUP_FILE);

/** Writes the record atomically (temporary file renamed), so a reader never sees half of it. */
export function writeLastBackup(dataDir: string, record: LastBackup): void {
	fs.mkdirSync(dataDir, { recursive: true });
	const tmp = `${fileOf(dataDir)}.${process.pid}.tmp`;
	fs.writeFileSync(tmp, JSON.stringify(record) + '\n', { mode: 0o600 });
	fs.renameSync(tmp, fileOf(dataDir));
}

/** The last recorded backup, or null when none was ever taken (or the record is unreadable). */
export function readLastBackup(dataDir: string): LastBackup | null {
	try {
		const r = JSON.parse(fs.readFileSync(fileOf(dataDir), 'utf8')) as Partial<LastBackup>;
		if (typeof r.at !== 'string' || typeof r.ok !== 'boolean') return null;
		return r as LastBackup;
	} catch {
		return null;
	}
}

/**
 * takeBackup, then the outcome recorded in DATA_DIR whichever way it went; a failure is still
 * thrown to the caller after it is recorded.
 */
export async function backupAndRecord(
	settings: BackupSettings,
	by: LastBackup['by'],
	opts: { into?: string; now?: Date } = {}
): Promise<BackupResult> {
	const start = opts.now ?? new Date();
	const t0 = performance.now();
	try {
		const r = await takeBackup(settings, opts);
		writeLastBackup(settings.dataDir, {
			at: start.toISOString(),
			ok: true,
			bytes: r.manifest.files.reduce((s, f) => s + f.bytes, 0),
			path: r.dir,
			ms: r.manifest.ms,
			error: null,
			by
		});
		return r;
	} catch (e) {
		writeLastBackup(settings.dataDir, {
			at: start.toISOString(),
			ok: false,
			bytes: 0,
			path: null,
			ms: Math.round(performance.now() - t0),
			error: e instanceof Error ? e.message : String(e),
			by
		});
		throw e;
	}
}
