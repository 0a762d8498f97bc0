import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import type { Config } from '../lib/server/config.ts';
import { createDb } from '../lib/server/db/index.ts';
import { announce } from './announce.ts';
import { startBackgroundTasks } from './background.ts';
import { loggerOptions } from './logger.ts';
import { startupTasks } from './startup.ts';

// A worker that dies sooner than this after its start is restarted after a pause, not at once,
// so a worker that cannot start does not fork in a tight loop.
const QUICK_DEATH_MS = 5_000;
const STOP_TIMEOUT_MS = 12_000;

/**
 * WORKERS > 1: the primary migrates, imports courses, creates the signing key and owns the
 * deadline sweep and backups — once, before any worker starts; then it forks the workers
 * (which share the port and the WAL database), restarts any that dies, and stops them all on
 * SIGTERM/SIGINT.
 */
export async function runPrimary(config: Config): Promise<void> {
	// Only the logger of this Fastify instance is used: the primary serves no HTTP.
	const log = Fastify({
		logger: loggerOptions({ level: config.logLevel, tty: process.stdout.isTTY, process: 'primary' })
	}).log;
	const db = createDb(config.databaseUrl);
	const ctx = { db, config };
	await startupTasks(ctx, log);
	const stopBackground = startBackgroundTasks(ctx, log);

	const started = new Map<Worker, number>();
	let port: string | null = null;
	let ready = false;
	let closing = false;

	const fork = () => {
		// Same environment as the first workers, even with PORT=0: the primary keeps the bound
		// handle per (host, PORT) and hands it to the replacement (a PORT of its own would clash).
		const worker = cluster.fork();
		started.set(worker, Date.now());
	};

	const listening = new Set<number>();
	cluster.on('listening', (worker, address) => {
		log.info({ worker: worker.id, workerPid: worker.process.pid }, 'worker listening');
		port ??= String(address.port);
		listening.add(worker.id);
		if (!ready && listening.size === config.workers) {
			ready = true;
			announce(db, config, port);
		}
	});

	cluster.on('exit', (worker, code, signal) => {
		const lived = Date.now() - (started.get(worker) ?? 0);
		started.delete(worker);
		listening.delete(worker.id);
		if (closing) return;
		if (!ready) {
			log.fatal({ worker: worker.id, code, signal }, 'a worker could not start; stopping');
			void stop('worker failed to start', 1);
			return;
		}
		log.error(
			{ worker: worker.id, workerPid: worker.process.pid, code, signal },
			'worker died; starting another'
		);
		setTimeout(
			() => {
				if (!closing) fork();
			},
			lived < QUICK_DEATH_MS ? 1_000 : 0
		);
	});

	const stop = async (reason: string, exitCode = 0) => {
		if (closing) return;
		closing = true;
		stopBackground();
		log.info({ reason }, 'shutting down: stopping workers');
		const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
		const exited = workers.map((w) => new Promise((r) => w.once('exit', r)));
		for (const w of workers) w.process.kill('SIGTERM');
		const timer = setTimeout(() => {
			for (const w of workers) w.process.kill('SIGKILL');
		}, STOP_TIMEOUT_MS);
		await Promise.all(exited);
		clearTimeout(timer);
		db.$client.close();
		process.exit(exitCode);
	};
	process.on('SIGTERM', () => void stop('SIGTERM'));
	process.on('SIGINT', () => void stop('SIGINT'));

	// Workers run main.js itself, not the script that imported it (`npm start` builds first).
	const main = fileURLToPath(import.meta.url).replace(/primary\.(js|ts)$/, 'main.$1');
	cluster.setupPrimary({ exec: main });
	log.info({ workers: config.workers }, 'starting workers');
	for (let i = 0; i < config.workers; i++) fork();
}
