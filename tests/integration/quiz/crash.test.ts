import { describe, expect, it } from 'vitest';
import { loadAndFault } from '../../bench/quiz-load.ts';

// The small version of `npm run bench:quiz`: real server processes, real HTTP, one SIGKILL.
describe('quiz answers under load and a crash', () => {
	it(
		'keeps every answer that got a 2xx, even across SIGKILL, with one attempt per learner and a sound database',
		{ timeout: 180_000 },
		async () => {
			const r = await loadAndFault({ learners: 10, concurrency: 5, killAfter: 40 });
			expect(r.load.finished).toBe(10);
			// Up to 10 answers each: the first module quiz has 9 answerable questions.
			expect(r.load.saves).toBe(90);
			expect(r.loadAudit).toMatchObject({
				lost: 0,
				duplicates: 0,
				integrity: 'ok',
				answersInDb: 90
			});
			expect(r.killed).toBe(true);
			expect(r.crash.saves).toBeGreaterThanOrEqual(40);
			expect(r.crash.saves).toBeLessThan(90);
			expect(r.crashAudit).toMatchObject({ lost: 0, duplicates: 0, integrity: 'ok' });
			expect(r.crashAudit.answersInDb).toBeGreaterThanOrEqual(r.crash.saves);
			expect(r.restartHealthy).toBe(true);
		}
	);
});
