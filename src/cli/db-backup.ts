// npm run db:backup [-- DIR] — an online backup of the database and DATA_DIR (signing keys),
// checked and described by a manifest; safe while the server runs. Keeps the newest BACKUP_KEEP.
// Exit codes: 0 done, 1 the backup failed (nothing kept), 2 bad usage or configuration.
import path from 'node:path';
import { commandConfig } from './config.ts';
import { backupAndRecord } from '../lib/server/ops/last-backup.ts';
import { BackupError } from '../lib/server/ops/manifest.ts';

const usage = 'Usage: npm run db:backup [-- DIR]   (default DIR: BACKUP_DIR, or DATA_DIR/backups)';

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

async function main(): Promise<number> {
	const args = process.argv.slice(2);
	if (args.length > 1 || args[0]?.startsWith('-')) {
		console.error(usage);
		return 2;
	}
	const config = commandConfig();
	if (!config) return 2;
	try {
		const into = args[0] ? path.resolve(args[0]) : config.backupDir;
		const r = await backupAndRecord(config, 'command', { into });
		const total = r.manifest.files.reduce((s, f) => s + f.bytes, 0);
		console.log(
			`Backup written to ${r.dir} in ${r.manifest.ms} ms: ${r.manifest.files.length} file(s), ${kib(total)} (database ${kib(r.manifest.files.find((f) => f.path === r.manifest.database)?.bytes ?? 0)}); integrity ok, foreign keys ok, ${r.manifest.schema.migrations} migrations.`
		);
		for (const old of r.removed)
			console.log(`Removed old backup ${old} (BACKUP_KEEP=${config.backupKeep}).`);
		console.log(
			'Copy it off this machine, e.g.: rsync -a ' + r.dir + ' backup-host:tamkeen-backups/'
		);
		return 0;
	} catch (e) {
		if (!(e instanceof BackupError)) throw e;
		console.error(`Backup failed: ${e.message}`);
		return 1;
	}
}

process.exitCode = await main();
