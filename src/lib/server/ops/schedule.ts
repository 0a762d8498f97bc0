import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import type { BackupSettings } from './backup.ts';

export type BackupOutcome =
	| { ok: true; dir: string; ms: number; bytes: number; removed: string[] }
	| { ok: false; error: string };

type Log = {
	info: (obj: object, msg: string) => void;
	error: (obj: object, msg: string) => void;
};

/**
 * The worker beside this module: `backup-worker.js` when the server runs compiled (dist-server);
 * `backup-worker.ts` through tsx when tests run the sources (as pdf-renderer.ts does).
 */
function startWorker(settings: BackupSettings): Worker {
	const here = fileURLToPath(import.meta.url);
	if (here.endsWith('.js'))
		return new Worker(here.replace(/schedule\.js$/, 'backup-worker.js'), { workerData: settings });
	const file = JSON.stringify(here.replace(/schedule\.ts$/, 'backup-worker.ts'));
	const code = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${file}, ${JSON.stringify(import.meta.url)}))`;
	return new Worker(code, { eval: true, workerData: settings });
}

/** One backup in a worker thread; never throws, the outcome says what happened. */
export function backupInWorker(settings: BackupSettings): Promise<BackupOutcome> {
	return new Promise((resolve) => {
		const worker = startWorker({
			databaseUrl: settings.databaseUrl,
			dataDir: settings.dataDir,
			backupDir: settings.backupDir,
			backupKeep: settings.backupKeep
		});
		let done = false;
		const finish = (o: BackupOutcome) => {
			if (done) return;
			done = true;
			resolve(o);
			void worker.terminate();
		};
		worker.once('message', (o: BackupOutcome) => {
			finish(o);
		});
		worker.once('error', (e) => {
			finish({ ok: false, error: e.message });
		});
		worker.once('exit', (code) => {
			finish({ ok: false, error: `backup worker exited (${code})` });
		});
	});
}

/**
 * BACKUP_EVERY_HOURS > 0: a backup into BACKUP_DIR every that many hours while the server runs
 * (the first one an interval after start), logged with its result; one at a time. Returns stop.
 */
export function scheduleBackups(config: Config, log: Log): () => void {
	if (config.backupEveryHours <= 0) return () => undefined;
	let running = false;
	const timer = setInterval(() => {
		if (running) return;
		running = true;
		void backupInWorker(config).then((o) => {
			running = false;
			if (o.ok) log.info({ backup: o }, 'scheduled backup written');
			else log.error({ error: o.error }, 'scheduled backup failed');
		});
	}, config.backupEveryHours * 3_600_000);
	timer.unref();
	log.info(
		{ everyHours: config.backupEveryHours, dir: config.backupDir, keep: config.backupKeep },
		'scheduled backups on'
	);
	return () => {
		clearInterval(timer);
	};
}
