import path from 'node:path';
import { ConfigError, loadConfig } from '../lib/server/config.ts';
import { createDb } from '../lib/server/db/index.ts';
import { issueFirstAdminToken } from '../lib/server/accounts/first-admin.ts';
import { buildApp } from './app.ts';
import { loggerOptions } from './logger.ts';
import { startupTasks } from './startup.ts';
import { expireDueAttempts } from '../lib/server/quiz/attempts/index.ts';
import { scheduleBackups } from '../lib/server/ops/schedule.ts';

/** Starts Tamkeen: migrate, import courses, listen, close cleanly on SIGTERM/SIGINT. */
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
	const db = createDb(config.databaseUrl);
	const ctx = { db, config };
	const app = await buildApp({
		ctx,
		kitBuildDir: path.resolve('build'),
		logger: loggerOptions({ level: config.logLevel, tty: process.stdout.isTTY }),
		requestLogLevel: process.stdout.isTTY ? 'debug' : 'info'
	});
	await startupTasks(ctx, app.log);

	// Deadline sweep: attempts nobody reopens are still submitted within a minute of their time.
	const sweep = setInterval(() => {
		try {
			expireDueAttempts(db, { issuer: config });
		} catch (err) {
			app.log.error({ err }, 'quiz deadline sweep failed');
		}
	}, 60_000);
	sweep.unref();
	const stopBackups = scheduleBackups(config, app.log);

	let closing = false;
	const close = async (signal: string) => {
		if (closing) return;
		closing = true;
		clearInterval(sweep);
		stopBackups();
		app.log.info({ signal }, 'shutting down: finishing requests in flight');
		const timer = setTimeout(() => process.exit(1), 10_000);
		timer.unref();
		await app.close();
		db.$client.close();
		process.exit(0);
	};
	process.on('SIGTERM', () => void close('SIGTERM'));
	process.on('SIGINT', () => void close('SIGINT'));

	const address = await app.listen({ port: config.port, host: config.host });
	const port = new URL(address).port;
	// Tests and scripts read this line to find a random port.
	console.log(`listening http://${config.host}:${port}`);
	// With PORT=0 the real port is only known now.
	const publicUrl = config.originConfigured ? config.origin.origin : `http://localhost:${port}`;
	console.log(`Tamkeen is running at ${publicUrl}`);

	const token = issueFirstAdminToken(db);
	if (token) {
		console.log(
			`\nNo administrator yet. Open this one-time link to create the first admin account:\n  ${publicUrl}/setup/${token}\n(valid 24 hours; a new link is printed at each start until an admin exists)\n`
		);
	} else {
		console.log(`Sign in at ${publicUrl}/ar/signin (or /fr/signin, /en/signin).`);
	}
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
