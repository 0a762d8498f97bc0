import type { AppContext } from '../../server/context.ts';
import { loadConfig } from './config.ts';
import { createDb } from './db/index.ts';

let ctx: AppContext | undefined;

/** Under `vite dev` there is no Fastify host: open the configured database once, here. */
export function devContext(): AppContext {
	if (!ctx) {
		const config = loadConfig();
		ctx = { config, db: createDb(config.databaseUrl) };
	}
	return ctx;
}
