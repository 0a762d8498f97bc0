// What every attempt operation shares: reading an attempt its owner may touch, the quiz's live
// questions and settings.
import { and, asc, eq, sql } from 'drizzle-orm';
import { preparedOn } from '../../db/prepared.ts';
import type { DbLike } from '../../db/index.ts';
import {
	question,
	quiz,
	quizAttempt,
	type AttemptSettings,
	type QuizAttempt
} from '../../db/schema/index.ts';
import { DomainError } from '../../errors.ts';
import { canContinueAttempt } from '../../access/attempts.ts';
import type { QuizSettings } from '../../courses/types.ts';
import type { Question, QuestionType } from '../types.ts';

const attemptById = (db: DbLike) =>
	db
		.select()
		.from(quizAttempt)
		.where(eq(quizAttempt.id, sql.placeholder('attemptId')))
		.prepare();

/** The attempt, if it is `userId`'s; another learner's attempt does not exist for them. */
export function ownedAttempt(
	db: DbLike,
	{ attemptId, userId }: { attemptId: number; userId: string }
): QuizAttempt {
	const row = preparedOn(db, attemptById).get({ attemptId });
	if (!row || !canContinueAttempt({ id: userId }, row)) throw new DomainError('not_found');
	return row;
}

/** True once the server's deadline has passed: the attempt may only be submitted as it stands. */
export function isOverdue(attempt: Pick<QuizAttempt, 'deadlineAt'>, now: Date): boolean {
	return attempt.deadlineAt !== null && now.getTime() > attempt.deadlineAt.getTime();
}

export type QuizRow = { id: number; courseId: number; slug: string; settings: QuizSettings };

const liveQuizRow = (db: DbLike) =>
	db
		.select()
		.from(quiz)
		.where(and(eq(quiz.id, sql.placeholder('quizId')), eq(quiz.archived, false)))
		.prepare();

/** A quiz learners can take (not archived), with its settings typed. */
export function liveQuiz(db: DbLike, quizId: number): QuizRow {
	const row = preparedOn(db, liveQuizRow).get({ quizId });
	if (!row) throw new DomainError('not_found');
	return row;
}

const liveQuestionRows = (db: DbLike) =>
	db
		.select()
		.from(question)
		.where(and(eq(question.quizId, sql.placeholder('quizId')), eq(question.archived, false)))
		.orderBy(asc(question.position))
		.prepare();

/** The quiz's current, non-archived questions in written order, as the grader reads them. */
export function liveQuestions(db: DbLike, quizId: number): Question[] {
	return preparedOn(db, liveQuestionRows)
		.all({ quizId })
		.map((q) => ({
			id: q.questionId,
			type: q.type as QuestionType,
			points: q.points,
			body: q.body
		}));
}

/** The course's metadata as of the version its rows hold (pass mark, pre-test size). */
export { currentCourseMeta as courseMeta } from '../../courses/current-meta.ts';
import { currentCourseMeta as courseMeta } from '../../courses/current-meta.ts';

/** The settings an attempt keeps; a quiz without its own pass mark takes the course's. */
export function attemptSettings(db: DbLike, q: QuizRow): AttemptSettings {
	const coursePassMark = courseMeta(db, q.courseId)?.completion.passMark ?? null;
	// The JSON column is not re-checked on read: a row stored before a setting existed lacks it.
	const stored: Partial<QuizRow['settings']> = q.settings;
	return {
		passMark: stored.passMark ?? coursePassMark,
		feedback: stored.feedback ?? 'after-submit',
		showAnswers: stored.showAnswers ?? 'after-submit',
		timeLimitMinutes: stored.timeLimitMinutes ?? 0
	};
}
