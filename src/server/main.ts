import cluster from 'node:cluster';
import { ConfigError, loadConfig, type Config } from '../lib/server/config.ts';
import { announce } from './announce.ts';
import { startBackgroundTasks } from './background.ts';
import { startHttpProcess } from './http-process.ts';
import { runPrimary } from './primary.ts';
import { startupTasks } from './startup.ts';

/** WORKERS=1: one process does everything, as before clustering existed. */
async function runSingle(config: Config) {
	const server = await startHttpProcess(config);
	await startupTasks(server.ctx, server.app.log);
	const stopBackground = startBackgroundTasks(server.ctx, server.app.log);
	process.on('SIGTERM', () => void server.close('SIGTERM', stopBackground));
	process.on('SIGINT', () => void server.close('SIGINT', stopBackground));
	announce(server.ctx.db, config, await server.listen());
}

/** A cluster worker: serves only; the primary did the start-up work and owns the schedules. */
async function runWorker(config: Config) {
	const server = await startHttpProcess(config, `worker ${String(cluster.worker?.id)}`);
	process.on('SIGTERM', () => void server.close('SIGTERM'));
	// Ctrl-C reaches the whole process group: the primary decides, and sends SIGTERM.
	process.on('SIGINT', () => undefined);
	// The primary is gone (killed): nobody will stop or restart this worker, so stop now.
	process.on('disconnect', () => void server.close('primary gone'));
	await server.listen();
}

/** Starts Tamkeen: migrate, import courses, listen (in WORKERS processes), close cleanly on SIGTERM/SIGINT. */
async function main() {
	let config;
	try {
		config = loadConfig();
	} catch (e) {
		if (e instanceof ConfigError) {
			console.error(`Configuration error: ${e.message}`);
			process.exit(1);
		}
		throw e;
	}
	if (config.workers === 1) await runSingle(config);
	else if (cluster.isPrimary) await runPrimary(config);
	else await runWorker(config);
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
