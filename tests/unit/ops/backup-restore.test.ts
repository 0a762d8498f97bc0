import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb } from '../../../src/lib/server/db/index.ts';
import { rotateKey } from '../../../src/lib/server/certificates/keys.ts';
import { takeBackup } from '../../../src/lib/server/ops/backup.ts';
import { readManifest } from '../../../src/lib/server/ops/manifest.ts';
import { backupInWorker } from '../../../src/lib/server/ops/schedule.ts';

const run = promisify(execFile);
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
	for (const c of children.splice(0)) c.kill('SIGKILL');
	for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A migrated database with a signing key and a cached PDF, as a server leaves them. */
async function site() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tamkeen-backup-'));
	dirs.push(dir);
	const databaseUrl = path.join(dir, 'data', 'tamkeen.db');
	const db = createDb(databaseUrl);
	db.$client.close();
	const dataDir = path.dirname(databaseUrl);
	await rotateKey(dataDir);
	fs.mkdirSync(path.join(dataDir, 'certificates', 'pdf'), { recursive: true });
	fs.writeFileSync(path.join(dataDir, 'certificates', 'pdf', 'TMK-X.pdf'), '%PDF cache');
	const settings = {
		databaseUrl,
		dataDir,
		backupDir: path.join(dataDir, 'backups'),
		backupKeep: 2
	};
	return { dir, settings };
}

/** The CLI as an operator runs it, with its own environment. */
async function cli(script: string, args: string[], env: Record<string, string>) {
	try {
		const r = await run('npx', ['tsx', `src/cli/${script}.ts`, ...args], {
			env: { ...process.env, ...env }
		});
		return { code: 0, out: r.stdout, err: r.stderr };
	} catch (e) {
		const f = e as { code: number; stdout: string; stderr: string };
		return { code: f.code, out: f.stdout, err: f.stderr };
	}
}

describe('db:backup', () => {
	it('copies the database and the keys, not the PDF cache or older backups, and keeps the newest BACKUP_KEEP', async () => {
		const { settings } = await site();
		const first = await takeBackup(settings, { now: new Date('2026-01-01T00:00:00Z') });
		const m = readManifest(first.dir);
		expect(m.files.map((f) => f.path).sort()).toEqual(
			[
				'tamkeen.db',
				'data/keys/current',
				expect.stringMatching(/^data\/keys\/.+\.jwk\.json$/) as unknown as string
			].sort()
		);
		expect(m.checks).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
		expect(m.appVersion).toMatch(/^\d+\.\d+\.\d+/);
		expect(fs.readdirSync(first.dir).sort()).toEqual(['data', 'manifest.json', 'tamkeen.db']);
		await takeBackup(settings, { now: new Date('2026-01-02T00:00:00Z') });
		const third = await takeBackup(settings, { now: new Date('2026-01-03T00:00:00Z') });
		expect(third.removed).toEqual([first.dir]);
		expect(fs.readdirSync(settings.backupDir).sort()).toEqual([
			'tamkeen-20260102T000000Z',
			'tamkeen-20260103T000000Z'
		]);
	});
});

describe('db:restore refuses, and changes nothing', () => {
	it('a backup whose file no longer matches its sha256', async () => {
		const { dir, settings } = await site();
		const b = await takeBackup(settings);
		const key = readManifest(b.dir).files.find((f) => f.path.endsWith('.jwk.json'))!;
		const file = path.join(b.dir, key.path);
		// Same size, one byte different: only the sha256 can tell.
		const bytes = fs.readFileSync(file);
		const middle = bytes.length >> 1;
		bytes.writeUInt8(bytes.readUInt8(middle) ^ 1, middle);
		fs.writeFileSync(file, bytes);
		const target = path.join(dir, 'fresh', 'tamkeen.db');
		const r = await cli('db-restore', [b.dir], { DATABASE_URL: target });
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/does not match its manifest[\s\S]*jwk\.json: sha256 differs/);
		expect(fs.existsSync(path.dirname(target))).toBe(false);
	});

	it('a backup from a newer schema than this code knows', async () => {
		const { dir, settings } = await site();
		const b = await takeBackup(settings);
		// A later version's migration, recorded as drizzle records it; the manifest rewritten to
		// match, as that version would have written it.
		const copy = new Database(path.join(b.dir, 'tamkeen.db'));
		copy
			.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)')
			.run('future', Date.now() + 86_400_000);
		copy.close();
		const m = readManifest(b.dir);
		const { describeFile } = await import('../../../src/lib/server/ops/manifest.ts');
		m.files[0] = describeFile(b.dir, 'tamkeen.db');
		fs.writeFileSync(path.join(b.dir, 'manifest.json'), JSON.stringify(m));
		const target = path.join(dir, 'fresh', 'tamkeen.db');
		const r = await cli('db-restore', [b.dir], { DATABASE_URL: target });
		expect(r.err).toMatch(/schema is newer than this version of Tamkeen knows/);
		expect(r.code).toBe(1);
		expect(fs.existsSync(target)).toBe(false);
	});

	it('while another process has the target database open', async () => {
		const { settings } = await site();
		const b = await takeBackup(settings);
		const before = fs.readFileSync(settings.databaseUrl);
		// A second process that opens the database as the server does and stays.
		const holder = spawn(
			process.execPath,
			[
				'-e',
				`const D = require('better-sqlite3'); const d = new D(process.argv[1]); d.pragma('journal_mode = WAL'); d.prepare('select count(*) from sqlite_master').get(); console.log('open'); setInterval(() => {}, 1000);`,
				settings.databaseUrl
			],
			{ stdio: ['ignore', 'pipe', 'inherit'] }
		);
		children.push(holder);
		await new Promise((resolve) => holder.stdout.once('data', resolve));
		const r = await cli('db-restore', [b.dir], { DATABASE_URL: settings.databaseUrl });
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/is in use by another process \(is the Tamkeen server running\?\)/);
		expect(fs.readFileSync(settings.databaseUrl).equals(before)).toBe(true);
		holder.kill('SIGKILL');
		await new Promise((resolve) => holder.once('exit', resolve));
		const ok = await cli('db-restore', [b.dir], { DATABASE_URL: settings.databaseUrl });
		expect(ok.out).toMatch(
			/Restored the backup[\s\S]*Previous file kept as: .*tamkeen\.db\.before-restore-/
		);
		expect(ok.code).toBe(0);
	});
});

describe('scheduled backups', () => {
	it('run in a worker thread and report what they wrote', async () => {
		const { settings } = await site();
		const o = await backupInWorker(settings);
		expect(o).toMatchObject({ ok: true, removed: [] });
		if (!o.ok) return;
		expect(readManifest(o.dir).checks.integrity).toBe('ok');
		const bad = await backupInWorker({ ...settings, databaseUrl: settings.databaseUrl + '.gone' });
		expect(bad).toMatchObject({
			ok: false,
			error: expect.stringMatching(/no database at/) as unknown
		});
	});
});
