// Submission: grade what was saved against the questions as they were shown, once. Every path
// that ends an attempt (the learner, a read or write after the deadline, the sweeper) comes here.
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { preparedOn } from '../../db/prepared.ts';
import type { Db, DbLike, Tx } from '../../db/index.ts';
import {
	attemptAnswer,
	quizAttempt,
	type AttemptAnswer,
	type QuizAttempt
} from '../../db/schema/index.ts';
import { gradeAttempt } from '../grading/grade.ts';
import { isOverdue, ownedAttempt } from './load.ts';
import type { AttemptGrade } from '../types.ts';
import type { Issuer } from '../../certificates/issue.ts';
import { issueForAttempt } from './earned.ts';

export type AttemptResult = {
	attemptId: number;
	score: number;
	max: number;
	percentage: number;
	/** null while an essay awaits a trainer. */
	passed: boolean | null;
	pending: number;
	submittedAt: Date;
	submittedBy: 'learner' | 'deadline';
	timeTakenSeconds: number;
};

/** What closing an attempt needs: the time, and the issuer of any certificate it earns. */
export type Closing = { now: Date; issuer: Issuer };

/**
 * Submits the learner's attempt and issues what it earns; submitting again returns the first
 * result unchanged.
 */
export function submitAttempt(
	db: Db,
	{
		attemptId,
		userId,
		issuer,
		now = new Date()
	}: { attemptId: number; userId: string; issuer: Issuer; now?: Date }
): AttemptResult {
	return db.transaction(
		(tx) => resultOf(finaliseAttempt(tx, ownedAttempt(tx, { attemptId, userId }), { now, issuer })),
		{ behavior: 'immediate' }
	);
}

/**
 * Submits every attempt whose deadline has passed, with what was saved, and issues what each
 * earns; returns how many.
 */
export function expireDueAttempts(
	db: Db,
	{ issuer, now = new Date() }: { issuer: Issuer; now?: Date }
): number {
	const due = db
		.select({ id: quizAttempt.id })
		.from(quizAttempt)
		.where(and(isNull(quizAttempt.submittedAt), lt(quizAttempt.deadlineAt, now)))
		.all();
	let done = 0;
	for (const { id } of due) {
		// One small transaction each: a sweep never holds the write lock for long.
		done += db.transaction(
			(tx) => {
				const row = tx.select().from(quizAttempt).where(eq(quizAttempt.id, id)).get();
				if (!row || row.submittedAt || !isOverdue(row, now)) return 0;
				finaliseAttempt(tx, row, { now, issuer });
				return 1;
			},
			{ behavior: 'immediate' }
		);
	}
	return done;
}

/**
 * Grades and closes an open attempt inside the caller's transaction and issues the certificates
 * it earns there too; an attempt already closed is returned as it is. Past the deadline it
 * closes at the deadline, as submitted by it.
 */
export function finaliseAttempt(
	tx: Tx,
	attempt: QuizAttempt,
	{ now, issuer }: Closing
): QuizAttempt {
	if (attempt.submittedAt) return attempt;
	const late = isOverdue(attempt, now);
	const end = late && attempt.deadlineAt ? attempt.deadlineAt : now;
	const answers = answersOf(tx, attempt.id);
	const { grade, passed } = totalsOf(attempt, answers);
	const saved = new Set(answers.map((a) => a.questionId));
	for (const { question } of attempt.questions) {
		const result = grade.results[question.id];
		const graded = { score: result?.score ?? null, correct: result?.correct ?? null };
		if (saved.has(question.id))
			tx.update(attemptAnswer)
				.set(graded)
				.where(
					and(eq(attemptAnswer.attemptId, attempt.id), eq(attemptAnswer.questionId, question.id))
				)
				.run();
		else
			tx.insert(attemptAnswer)
				.values({
					attemptId: attempt.id,
					questionId: question.id,
					response: null,
					savedAt: end,
					revision: 0,
					...graded
				})
				.run();
	}
	const closed = tx
		.update(quizAttempt)
		.set({
			submittedAt: end,
			submittedBy: late ? 'deadline' : 'learner',
			...columnsOf(grade, passed),
			timeTakenSeconds: Math.max(
				0,
				Math.round((end.getTime() - attempt.startedAt.getTime()) / 1000)
			)
		})
		.where(eq(quizAttempt.id, attempt.id))
		.returning()
		.get();
	issueForAttempt(tx, closed, { issuer, now });
	return closed;
}

const answersOfAttempt = (db: DbLike) =>
	db
		.select()
		.from(attemptAnswer)
		.where(eq(attemptAnswer.attemptId, sql.placeholder('attemptId')))
		.prepare();

export function answersOf(db: DbLike, attemptId: number): AttemptAnswer[] {
	return preparedOn(db, answersOfAttempt).all({ attemptId });
}

/** Grades the snapshot with the saved responses and any essay scores a trainer has given. */
export function totalsOf(
	attempt: QuizAttempt,
	answers: readonly AttemptAnswer[]
): { grade: AttemptGrade; passed: boolean | null } {
	const responses: Record<string, unknown> = {};
	const manualScores: Record<string, number> = {};
	for (const a of answers) {
		if (a.response !== null) responses[a.questionId] = a.response;
		// gradedAt, not gradedBy: the grader's account may be deleted later (gradedBy is set null).
		if (a.gradedAt !== null && a.score !== null) manualScores[a.questionId] = a.score;
	}
	const questions = attempt.questions.map((q) => q.question);
	const grade = gradeAttempt(questions, responses, { locale: attempt.locale, manualScores });
	const passed = grade.pending > 0 ? null : grade.percentage >= (attempt.settings.passMark ?? 0);
	return { grade, passed };
}

export function columnsOf(grade: AttemptGrade, passed: boolean | null) {
	return {
		score: grade.score,
		maxScore: grade.max,
		percentage: grade.percentage,
		passed,
		pendingCount: grade.pending
	};
}

/** The result of a submitted attempt, as stored. */
export function resultOf(row: QuizAttempt): AttemptResult {
	return {
		attemptId: row.id,
		score: row.score ?? 0,
		max: row.maxScore ?? 0,
		percentage: row.percentage ?? 0,
		passed: row.passed,
		pending: row.pendingCount,
		submittedAt: row.submittedAt ?? new Date(0),
		submittedBy: row.submittedBy ?? 'learner',
		timeTakenSeconds: row.timeTakenSeconds ?? 0
	};
}
