import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './context.ts';
import { expireDueAttempts } from '../lib/server/quiz/attempts/index.ts';
import { scheduleBackups } from '../lib/server/ops/schedule.ts';

/**
 * Timed work that must run in exactly one process (with WORKERS > 1, the primary): the quiz
 * deadline sweep and the backup schedule. Returns stop.
 */
export function startBackgroundTasks({ db, config }: AppContext, log: FastifyBaseLogger) {
	// Deadline sweep: attempts nobody reopens are still submitted within a minute of their time.
	const sweep = setInterval(() => {
		try {
			expireDueAttempts(db, { issuer: config });
		} catch (err) {
			log.error({ err }, 'quiz deadline sweep failed');
		}
	}, 60_000);
	sweep.unref();
	const stopBackups = scheduleBackups(config, log);
	return () => {
		clearInterval(sweep);
		stopBackups();
	};
}
