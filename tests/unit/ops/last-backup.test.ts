import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb } from '../../../src/lib/server/db/index.ts';
import { backupAndRecord, readLastBackup } from '../../../src/lib/server/ops/last-backup.ts';
import { backupInWorker } from '../../../src/lib/server/ops/schedule.ts';
import { readManifest } from '../../../src/lib/server/ops/manifest.ts';

const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function site() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-last-backup-'));
	dirs.push(dir);
	const dataDir = path.join(dir, 'data');
	const databaseUrl = path.join(dataDir, 'tamkeen.db');
	createDb(databaseUrl).$client.close();
	return { databaseUrl, dataDir, backupDir: path.join(dataDir, 'backups'), backupKeep: 3 };
}

describe('last backup record', () => {
	it('records time, size and folder of a backup, and leaves the record out of the backup itself', async () => {
		const settings = site();
		expect(readLastBackup(settings.dataDir)).toBeNull();
		const first = await backupAndRecord(settings, 'command');
		const second = await backupAndRecord(settings, 'command');
		const r = readLastBackup(settings.dataDir);
		expect(r).toMatchObject({ ok: true, path: second.dir, error: null, by: 'command' });
		expect(r!.bytes).toBe(second.manifest.files.reduce((s, f) => s + f.bytes, 0));
		expect(Date.now() - Date.parse(r!.at)).toBeLessThan(60_000);
		expect(readManifest(second.dir).files.map((f) => f.path)).not.toContain(
			'data/last-backup.json'
		);
		expect(first.dir).not.toBe(second.dir);
	});

	it('records a failed backup with its message, and still throws', async () => {
		const settings = site();
		fs.rmSync(settings.databaseUrl);
		await expect(backupAndRecord(settings, 'command')).rejects.toThrow(/no database/);
		const r = readLastBackup(settings.dataDir);
		expect(r).toMatchObject({ ok: false, bytes: 0, path: null });
		expect(r?.error).toMatch(/no database/);
	});

	it('records the scheduled backup taken in a worker thread', async () => {
		const settings = site();
		const o = await backupInWorker(settings);
		expect(o.ok).toBe(true);
		expect(readLastBackup(settings.dataDir)).toMatchObject({ ok: true, by: 'schedule' });
	});
});
