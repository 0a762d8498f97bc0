// Worker thread entry for scheduled backups: the copy's integrity_check and sha256s take CPU in
// proportion to the database, which must not stall the server's requests.
import { parentPort, workerData } from 'node:worker_threads';
import type { BackupSettings } from './backup.ts';
import { backupAndRecord } from './last-backup.ts';
import type { BackupOutcome } from './schedule.ts';

const reply = (outcome: BackupOutcome) => parentPort?.postMessage(outcome);

backupAndRecord(workerData as BackupSettings, 'schedule').then(
	(r) =>
		reply({
			ok: true,
			dir: r.dir,
			ms: r.manifest.ms,
			bytes: r.manifest.files.reduce((s, f) => s + f.bytes, 0),
			removed: r.removed
		}),
	(e: unknown) => reply({ ok: false, error: e instanceof Error ? e.message : String(e) })
);
