// Creating an attempt row: the snapshot of what is shown, and the open attempt it may meet.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.ts';
import { quizAttempt, type AttemptSettings, type QuizAttempt } from '../../db/schema/index.ts';
import { DomainError } from '../../errors.ts';
import { findEnrolment } from '../../learning/enrolment.ts';
import { presentQuestion } from '../present.ts';
import type { Question } from '../types.ts';
import type { Locale } from '../../text/localised.ts';

export type AttemptKey = { userId: string; quizId: number; kind: 'attempt' | 'pretest' };

export function requireEnrolment(db: Db, userId: string, courseId: number): void {
	if (!findEnrolment(db, { userId, courseId })) throw new DomainError('not_enrolled');
}

/** The learner's open attempt of this kind; the partial unique index allows at most one. */
export function findOpenAttempt(tx: Tx, k: AttemptKey): QuizAttempt | null {
	const row = tx
		.select()
		.from(quizAttempt)
		.where(
			and(
				eq(quizAttempt.userId, k.userId),
				eq(quizAttempt.quizId, k.quizId),
				eq(quizAttempt.kind, k.kind),
				isNull(quizAttempt.submittedAt)
			)
		)
		.get();
	return row ?? null;
}

type Insert = AttemptKey & {
	locale: Locale;
	now: Date;
	seed: string;
	settings: AttemptSettings;
	questions: Question[];
	shuffleOptions: boolean;
};

/** Stores the attempt with each question's definition and its presentation, option order included. */
export function insertAttempt(tx: Tx, a: Insert): QuizAttempt {
	const minutes = a.settings.timeLimitMinutes;
	const row = tx
		.insert(quizAttempt)
		.values({
			userId: a.userId,
			quizId: a.quizId,
			kind: a.kind,
			startedAt: a.now,
			deadlineAt: minutes > 0 ? new Date(a.now.getTime() + minutes * 60_000) : null,
			seed: a.seed,
			locale: a.locale,
			settings: a.settings,
			questions: a.questions.map((question) => ({
				question,
				presented: presentQuestion(question, {
					locale: a.locale,
					shuffleOptions: a.shuffleOptions,
					seed: a.seed
				})
			}))
		})
		// Behind the immediate transaction the partial unique index still has the last word.
		.onConflictDoNothing()
		.returning()
		.get();
	const kept = row ?? findOpenAttempt(tx, a);
	if (!kept) throw new DomainError('conflict');
	return kept;
}
