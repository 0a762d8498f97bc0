// Starting an attempt: returns the open one if there is one (a second device resumes it), else
// checks attempts and cool-down and stores a snapshot of exactly what will be shown.
import { and, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { preparedOn } from '../../db/prepared.ts';
import type { Db, DbLike, Tx } from '../../db/index.ts';
import { quizAttempt, type QuizAttempt } from '../../db/schema/index.ts';
import type { Issuer } from '../../certificates/issue.ts';
import { finaliseAttempt } from './submit.ts';
import { DomainError } from '../../errors.ts';
import { attemptSettings, isOverdue, liveQuiz } from './load.ts';
import { beginAttempt, findOpenAttempt } from './create.ts';
import { requireFinalOpen } from './final-gate.ts';
import type { Locale } from '../../text/localised.ts';

type Start = { userId: string; quizId: number; locale: Locale; issuer: Issuer; now?: Date };

/**
 * Starts the learner's attempt at a quiz of a course they are enrolled in, or returns the open
 * one. An open attempt past its deadline is submitted first and counts (issuing what it earns).
 * Refusals: 'not_enrolled', 'final_locked' { missing } (final-gate.ts), 'attempts_exhausted'
 * { used, allowed }, 'cooldown' { secondsLeft }.
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
				if (q.slug === 'final') requireFinalOpen(tx, { userId, courseId: q.courseId });
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

/** Where a learner stands against a quiz's limits: attempts used and left, seconds to wait. */
export type LimitState = { used: number; left: number | null; waitSeconds: number };

const submittedOf = () =>
	and(
		eq(quizAttempt.userId, sql.placeholder('userId')),
		eq(quizAttempt.quizId, sql.placeholder('quizId')),
		eq(quizAttempt.kind, 'attempt'),
		isNotNull(quizAttempt.submittedAt)
	);
const usedCount = (db: DbLike) =>
	db.select({ n: count() }).from(quizAttempt).where(submittedOf()).prepare();
const lastSubmitted = (db: DbLike) =>
	db
		.select({ at: quizAttempt.submittedAt })
		.from(quizAttempt)
		.where(submittedOf())
		.orderBy(desc(quizAttempt.submittedAt))
		.limit(1)
		.prepare();

/** The attempt limit and cool-down as they stand now; the start page shows them before Start. */
export function attemptLimits(db: DbLike, k: Limits): LimitState {
	const mine = { userId: k.userId, quizId: k.quizId };
	const used = preparedOn(db, usedCount).get(mine)?.n ?? 0;
	const left = k.attempts > 0 ? Math.max(0, k.attempts - used) : null;
	const last = preparedOn(db, lastSubmitted).get(mine)?.at;
	if (!last || !(k.cooldownMinutes > 0)) return { used, left, waitSeconds: 0 };
	const wait = Math.ceil((last.getTime() + k.cooldownMinutes * 60_000 - k.now.getTime()) / 1000);
	return { used, left, waitSeconds: Math.max(0, wait) };
}

function checkLimits(tx: Tx, k: Limits): void {
	const { used, left, waitSeconds } = attemptLimits(tx, k);
	if (left === 0)
		throw new DomainError('attempts_exhausted', undefined, { used, allowed: k.attempts });
	if (waitSeconds > 0) throw new DomainError('cooldown', undefined, { secondsLeft: waitSeconds });
}
