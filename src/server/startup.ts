import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './context.ts';

/** Work done once at start, after migrations: the course import joins here. */
export async function startupTasks(_ctx: AppContext, _log: FastifyBaseLogger): Promise<void> {}
