// The one gate before changing an open attempt (saving or checking an answer): a submitted
// attempt is refused; one found past its deadline is submitted with what was saved (issuing what
// it earns) and then refused, after the commit, so that submission is kept.
import type { Db, Tx } from '../../db/index.ts';
import type { QuizAttempt } from '../../db/schema/index.ts';
import { DomainError } from '../../errors.ts';
import { isOverdue, ownedAttempt } from './load.ts';
import { finaliseAttempt, type Closing } from './submit.ts';

type Target = Closing & { attemptId: number; userId: string };

/**
 * Runs `change` on the learner's open attempt in one immediate transaction. Refusals:
 * 'attempt_submitted', 'deadline_passed' (the attempt is then submitted).
 */
export function changeOpenAttempt<T>(
	db: Db,
	{ attemptId, userId, now, issuer }: Target,
	change: (tx: Tx, attempt: QuizAttempt) => T
): T {
	const outcome = db.transaction(
		(tx): { changed: T } | { refused: 'attempt_submitted' | 'deadline_passed' } => {
			const attempt = ownedAttempt(tx, { attemptId, userId });
			if (attempt.submittedAt) return { refused: 'attempt_submitted' };
			if (isOverdue(attempt, now)) {
				finaliseAttempt(tx, attempt, { now, issuer });
				return { refused: 'deadline_passed' };
			}
			return { changed: change(tx, attempt) };
		},
		{ behavior: 'immediate' }
	);
	if ('refused' in outcome) throw new DomainError(outcome.refused);
	return outcome.changed;
}
