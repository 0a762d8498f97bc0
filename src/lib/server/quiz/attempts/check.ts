// Immediate feedback: in a quiz set to `feedback: immediate`, a learner may ask whether one
// saved answer is right before submitting. The answer then becomes final (as in Moodle's
// immediate-feedback mode): otherwise checking would let anyone try options until one is right.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { attemptAnswer, type AttemptAnswer, type QuizAttempt } from '../../db/schema/index.ts';
import { DomainError } from '../../errors.ts';
import { gradeQuestion } from '../grading/grade.ts';
import { chosenFeedback, generalFeedback } from './answers.ts';
import type { Issuer } from '../../certificates/issue.ts';
import { changeOpenAttempt } from './change-open.ts';

export type CheckedAnswer = {
	correct: boolean | null;
	score: number | null;
	max: number;
	/** Feedback on what the learner chose, then the author's explanation. */
	feedback: string[];
	explanation: string | null;
};

/** What a checked answer shows; also used by the attempt view to show earlier checks. */
export function checkedResult(attempt: QuizAttempt, answer: AttemptAnswer): CheckedAnswer | null {
	const shown = attempt.questions.find((q) => q.question.id === answer.questionId);
	if (!shown || !answer.checkedAt) return null;
	const result = gradeQuestion(shown.question, answer.response, { locale: attempt.locale });
	return {
		correct: result.correct,
		score: result.score,
		max: result.max,
		feedback: chosenFeedback(shown.question, result, attempt.locale),
		explanation: generalFeedback(shown.question, attempt.locale)
	};
}

/** Grades one saved answer now and makes it final; checking again returns the same result. */
export function checkAnswer(
	db: Db,
	{
		attemptId,
		userId,
		questionId,
		issuer,
		now = new Date()
	}: { attemptId: number; userId: string; questionId: string; issuer: Issuer; now?: Date }
): CheckedAnswer {
	return changeOpenAttempt(db, { attemptId, userId, now, issuer }, (tx, attempt): CheckedAnswer => {
		if (attempt.settings.feedback !== 'immediate') throw new DomainError('feedback_after_submit');
		if (!attempt.questions.some((q) => q.question.id === questionId))
			throw new DomainError('unknown_question', 'questionId');
		const where = and(
			eq(attemptAnswer.attemptId, attemptId),
			eq(attemptAnswer.questionId, questionId)
		);
		const answer = tx.select().from(attemptAnswer).where(where).get();
		if (!answer || answer.response === null)
			throw new DomainError('no_answer_to_check', 'questionId');
		const checked = answer.checkedAt ? answer : { ...answer, checkedAt: now };
		if (!answer.checkedAt) tx.update(attemptAnswer).set({ checkedAt: now }).where(where).run();
		const result = checkedResult(attempt, checked);
		if (!result) throw new DomainError('unknown_question', 'questionId');
		return result;
	});
}
