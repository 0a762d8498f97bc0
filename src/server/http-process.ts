import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../lib/server/config.ts';
import { createDb } from '../lib/server/db/index.ts';
import { buildApp } from './app.ts';
import type { AppContext } from './context.ts';
import { loggerOptions } from './logger.ts';

export type HttpProcess = {
	ctx: AppContext;
	app: FastifyInstance;
	/** Listens on the configured port; resolves with the port actually bound. */
	listen: () => Promise<string>;
	/** Finishes requests in flight (10 s at most), closes the database and exits the process. */
	close: (reason: string, before?: () => void) => Promise<void>;
};

/** One serving process: its own database connection and Fastify app (the single server or a worker). */
export async function startHttpProcess(config: Config, role?: string): Promise<HttpProcess> {
	const db = createDb(config.databaseUrl);
	const ctx = { db, config };
	const app = await buildApp({
		ctx,
		kitBuildDir: path.resolve('build'),
		logger: loggerOptions({
			level: config.logLevel,
			tty: process.stdout.isTTY,
			...(role ? { process: role } : {})
		}),
		// One line per request: JSON at info in production, debug (hidden) on a terminal.
		requestLogLevel: process.stdout.isTTY ? 'debug' : 'info'
	});
	let closing = false;
	return {
		ctx,
		app,
		listen: async () => {
			const address = await app.listen({ port: config.port, host: config.host });
			return new URL(address).port;
		},
		close: async (reason, before) => {
			if (closing) return;
			closing = true;
			before?.();
			app.log.info({ reason }, 'shutting down: finishing requests in flight');
			const timer = setTimeout(() => process.exit(1), 10_000);
			timer.unref();
			await app.close();
			db.$client.close();
			process.exit(0);
		}
	};
}
