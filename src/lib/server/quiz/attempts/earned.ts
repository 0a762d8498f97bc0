// What a changed attempt result earns. Every path that closes or regrades an attempt calls this
// inside its own transaction, so the result and the certificate commit together or not at all.
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/index.ts';
import { quiz, type QuizAttempt } from '../../db/schema/index.ts';
import { issueEarnedCertificates, type Issuer } from '../../certificates/issue.ts';

/** Issues the certificates the attempt's learner has now earned in the quiz's course. */
export function issueForAttempt(
	tx: Tx,
	attempt: QuizAttempt,
	{ issuer, now }: { issuer: Issuer; now: Date }
): void {
	// A pre-test never counts for completion.
	if (attempt.kind !== 'attempt') return;
	const owner = tx
		.select({ courseId: quiz.courseId })
		.from(quiz)
		.where(eq(quiz.id, attempt.quizId))
		.get();
	if (owner)
		issueEarnedCertificates(tx, { userId: attempt.userId, courseId: owner.courseId, issuer, now });
}
