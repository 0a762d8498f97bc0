// A trainer's score for an essay. The attempt's totals and pass/fail are recomputed from the
// snapshot in the same transaction, so they can never disagree with the answers.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { attemptAnswer, quizAttempt } from '../../db/schema/index.ts';
import { recordAudit } from '../../audit/log.ts';
import { DomainError } from '../../errors.ts';
import type { Issuer } from '../../certificates/issue.ts';
import { answersOf, columnsOf, resultOf, totalsOf, type AttemptResult } from './submit.ts';
import { issueForAttempt } from './earned.ts';

type GradeEssay = {
	attemptId: number;
	questionId: string;
	score: number;
	graderId: string;
	issuer: Issuer;
	now?: Date;
};

/**
 * Records the points a trainer gave to an essay of a submitted attempt (0..the question's
 * points; grading again replaces them) and issues what the new result earns. Checking that the
 * grader may grade is the caller's.
 */
export function gradeEssay(
	db: Db,
	{ attemptId, questionId, score, graderId, issuer, now = new Date() }: GradeEssay
): AttemptResult {
	return db.transaction(
		(tx) => {
			const attempt = tx.select().from(quizAttempt).where(eq(quizAttempt.id, attemptId)).get();
			if (!attempt) throw new DomainError('not_found');
			if (!attempt.submittedAt) throw new DomainError('not_submitted');
			const shown = attempt.questions.find((q) => q.question.id === questionId);
			if (!shown) throw new DomainError('unknown_question', 'questionId');
			if (shown.question.type !== 'essay') throw new DomainError('not_essay', 'questionId');
			const max = shown.question.points;
			if (!Number.isFinite(score) || score < 0 || score > max)
				throw new DomainError('invalid_score', 'score');
			tx.update(attemptAnswer)
				.set({ score, correct: score >= max, gradedBy: graderId, gradedAt: now })
				.where(
					and(eq(attemptAnswer.attemptId, attemptId), eq(attemptAnswer.questionId, questionId))
				)
				.run();
			const { grade, passed } = totalsOf(attempt, answersOf(tx, attemptId));
			const row = tx
				.update(quizAttempt)
				.set(columnsOf(grade, passed))
				.where(eq(quizAttempt.id, attemptId))
				.returning()
				.get();
			recordAudit(
				tx,
				{
					actorId: graderId,
					action: 'quiz.essay_graded',
					subjectType: 'quiz_attempt',
					subjectId: String(attemptId),
					details: { questionId, score }
				},
				now
			);
			issueForAttempt(tx, row, { issuer, now });
			return resultOf(row);
		},
		{ behavior: 'immediate' }
	);
}
