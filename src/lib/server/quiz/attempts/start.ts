// Starting an attempt: returns the open one if there is one (a second device resumes it), else
// checks attempts and cool-down and stores a snapshot of exactly what will be shown.
import { and, count, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.ts';
import { quizAttempt, type QuizAttempt } from '../../db/schema/index.ts';
import type { Issuer } from '../../certificates/issue.ts';
import { finaliseAttempt } from './submit.ts';
import { DomainError } from '../../errors.ts';
import { attemptSettings, isOverdue, liveQuiz } from './load.ts';
import { beginAttempt, findOpenAttempt } from './create.ts';
import type { Locale } from '../../text/localised.ts';

type Start = { userId: string; quizId: number; locale: Locale; issuer: Issuer; now?: Date };

/**
 * Starts the learner's attempt at a quiz of a course they are enrolled in, or returns the open
 * one. An open attempt past its deadline is submitted first and counts (issuing what it earns).
 * Refusals: 'not_enrolled', 'attempts_exhausted' { used, allowed }, 'cooldown' { secondsLeft }.
 */
export function startAttempt(
	db: Db,
	{ userId, quizId, locale, issuer, now = new Date() }: Start
): QuizAttempt {
	return beginAttempt(
		db,
		{ userId, kind: 'attempt', locale, now },
		{
			source: (tx) => {
				const q = liveQuiz(tx, quizId);
				return { ...q, quizId };
			},
			existing: (tx, key, q) => {
				const open = findOpenAttempt(tx, key);
				if (open && !isOverdue(open, now)) return open;
				if (open) finaliseAttempt(tx, open, { now, issuer });
				checkLimits(tx, { userId, quizId, ...q.settings, now });
				return null;
			},
			draw: (tx, q) => ({
				draw: q.settings.draw,
				shuffleQuestions: q.settings.shuffleQuestions,
				shuffleOptions: q.settings.shuffleOptions,
				settings: attemptSettings(tx, q)
			})
		}
	);
}

type Limits = {
	userId: string;
	quizId: number;
	attempts: number;
	cooldownMinutes: number;
	now: Date;
};

function checkLimits(tx: Tx, k: Limits): void {
	const mine = and(
		eq(quizAttempt.userId, k.userId),
		eq(quizAttempt.quizId, k.quizId),
		eq(quizAttempt.kind, 'attempt'),
		isNotNull(quizAttempt.submittedAt)
	);
	const used = tx.select({ n: count() }).from(quizAttempt).where(mine).get()?.n ?? 0;
	if (k.attempts > 0 && used >= k.attempts)
		throw new DomainError('attempts_exhausted', undefined, { used, allowed: k.attempts });
	const last = tx
		.select({ at: quizAttempt.submittedAt })
		.from(quizAttempt)
		.where(mine)
		.orderBy(desc(quizAttempt.submittedAt))
		.get()?.at;
	if (!last || !(k.cooldownMinutes > 0)) return;
	const left = Math.ceil((last.getTime() + k.cooldownMinutes * 60_000 - k.now.getTime()) / 1000);
	if (left > 0) throw new DomainError('cooldown', undefined, { secondsLeft: left });
}
