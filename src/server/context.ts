import type { Config } from '../lib/server/config.ts';
import type { Db } from '../lib/server/db/index.ts';

/** What every request handler, in Fastify and in SvelteKit, works with. */
export type AppContext = { db: Db; config: Config };
