// npm run db:restore -- BACKUP — restores a backup folder (made by db:backup) into DATABASE_URL
// and DATA_DIR. Refuses while a server uses the database, a backup whose files do not match its
// manifest, and a backup from a newer schema. What it replaces is renamed, never deleted.
// Exit codes: 0 restored, 1 refused or failed (nothing changed), 2 bad usage or configuration.
import fs from 'node:fs';
import { commandConfig } from './config.ts';
import { TargetInUse } from '../lib/server/ops/in-use.ts';
import { BackupError } from '../lib/server/ops/manifest.ts';
import { restoreBackup } from '../lib/server/ops/restore.ts';

const usage = 'Usage: npm run db:restore -- BACKUP   (a folder written by db:backup)';

function main(): number {
	const args = process.argv.slice(2);
	const [backup] = args;
	if (args.length !== 1 || backup === undefined || backup.startsWith('-')) {
		console.error(usage);
		return 2;
	}
	if (!fs.existsSync(backup) || !fs.statSync(backup).isDirectory()) {
		console.error(`${backup} is not a folder. ${usage}`);
		return 2;
	}
	const config = commandConfig();
	if (!config) return 2;
	try {
		const r = restoreBackup(config, backup);
		console.log(
			`Restored the backup of ${r.manifest.createdAt} (Tamkeen ${r.manifest.appVersion}): all ${r.manifest.files.length} sha256 checked.`
		);
		console.log(`Database: ${r.database}`);
		for (const f of r.dataFiles) console.log(`Data file: ${f}`);
		for (const f of r.setAside) console.log(`Previous file kept as: ${f}`);
		if (r.pendingMigrations > 0)
			console.log(
				`The server will apply ${r.pendingMigrations} newer migration(s) when it starts.`
			);
		console.log('Start the server now; certificate PDFs are rebuilt when first downloaded.');
		return 0;
	} catch (e) {
		if (!(e instanceof BackupError || e instanceof TargetInUse)) throw e;
		console.error(`Restore refused: ${e.message}`);
		return 1;
	}
}

process.exitCode = main();
