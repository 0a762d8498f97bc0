// Saving one answer: a small write of its own, as soon as the learner changes it. A save that
// cannot be kept (attempt submitted, deadline passed) is refused loudly, never dropped.
//
// Saves are the busiest write (issue 15), so the transaction does the minimum: one prepared
// read of what the rules need and one prepared upsert. The attempt's questions stay in SQLite,
// which finds the type of the one question saved; only an overdue attempt is read in full, to
// submit it.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { attemptAnswer, quizAttempt } from '../../db/schema/index.ts';
import { prepared } from '../../db/prepared.ts';
import { DomainError } from '../../errors.ts';
import type { Issuer } from '../../certificates/issue.ts';
import { canContinueAttempt } from '../../access/attempts.ts';
import { isOverdue, ownedAttempt } from './load.ts';
import { finaliseAttempt } from './submit.ts';
import type { QuestionType } from '../types.ts';
import { isQuizResponse } from '../../input/quiz.ts';

type Saved = { savedAt: Date; revision: number };
type Save = {
	attemptId: number;
	userId: string;
	questionId: string;
	response: unknown;
	issuer: Issuer;
	now?: Date;
};

const saveState = (db: Db) =>
	db
		.select({
			userId: quizAttempt.userId,
			submittedAt: quizAttempt.submittedAt,
			deadlineAt: quizAttempt.deadlineAt,
			type: sql<QuestionType | null>`(select json_extract(q.value, '$.question.type')
				from json_each(${quizAttempt.questions}) q
				where json_extract(q.value, '$.question.id') = ${sql.placeholder('questionId')})`,
			answerId: attemptAnswer.id,
			response: attemptAnswer.response,
			savedAt: attemptAnswer.savedAt,
			revision: attemptAnswer.revision,
			checkedAt: attemptAnswer.checkedAt
		})
		.from(quizAttempt)
		.leftJoin(
			attemptAnswer,
			and(
				eq(attemptAnswer.attemptId, quizAttempt.id),
				eq(attemptAnswer.questionId, sql.placeholder('questionId'))
			)
		)
		.where(eq(quizAttempt.id, sql.placeholder('attemptId')))
		.prepare();

const upsertAnswer = (db: Db) =>
	db
		.insert(attemptAnswer)
		.values({
			attemptId: sql.placeholder('attemptId'),
			questionId: sql.placeholder('questionId'),
			response: sql.placeholder('response'),
			savedAt: sql.placeholder('now'),
			revision: 1
		})
		.onConflictDoUpdate({
			target: [attemptAnswer.attemptId, attemptAnswer.questionId],
			set: {
				response: sql`excluded.response`,
				savedAt: sql`excluded.saved_at`,
				revision: sql`${attemptAnswer.revision} + 1`
			}
		})
		.returning({ savedAt: attemptAnswer.savedAt, revision: attemptAnswer.revision })
		.prepare();

/**
 * Upserts the answer to one question of an open attempt. Saving the same answer again changes
 * nothing (same revision). Past the deadline the attempt is submitted with what was saved and
 * this save is refused with 'deadline_passed'. Refusals, in this order: 'not_found' (not the
 * learner's), 'attempt_submitted', 'deadline_passed', 'unknown_question', 'invalid_response',
 * 'answer_checked'.
 */
export function saveAnswer(
	db: Db,
	{ attemptId, userId, questionId, response, issuer, now = new Date() }: Save
): Saved {
	const outcome = db.transaction(
		(tx): { saved: Saved } | { refused: 'attempt_submitted' | 'deadline_passed' } => {
			const state = prepared(db, saveState).get({ attemptId, questionId });
			if (!state || !canContinueAttempt({ id: userId }, state)) throw new DomainError('not_found');
			if (state.submittedAt) return { refused: 'attempt_submitted' };
			if (isOverdue(state, now)) {
				finaliseAttempt(tx, ownedAttempt(tx, { attemptId, userId }), { now, issuer });
				return { refused: 'deadline_passed' };
			}
			if (!state.type) throw new DomainError('unknown_question', 'questionId');
			if (!validResponse(state.type, response))
				throw new DomainError('invalid_response', 'response');
			if (
				state.answerId !== null &&
				state.savedAt &&
				state.revision !== null &&
				JSON.stringify(state.response) === JSON.stringify(response)
			)
				return { saved: { savedAt: state.savedAt, revision: state.revision } };
			// Checked answers are final (immediate feedback), or checking would reveal the key.
			if (state.checkedAt) throw new DomainError('answer_checked', 'questionId');
			// An upsert always returns its row.
			return { saved: prepared(db, upsertAnswer).get({ attemptId, questionId, response, now }) };
		},
		{ behavior: 'immediate' }
	);
	if ('refused' in outcome) throw new DomainError(outcome.refused);
	return outcome.saved;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * The shape each type's response must have (ResponseByType); ids are checked by grading. Lists
 * and maps hold only strings once isQuizResponse has passed.
 */
export function validResponse(type: QuestionType, response: unknown): boolean {
	// Shape and size first, without recursion: nothing below may walk a hostile value.
	if (!isQuizResponse(response)) return false;
	switch (type) {
		case 'single':
		case 'short':
		case 'essay':
			return isString(response);
		case 'multiple':
		case 'ordering':
			return Array.isArray(response);
		case 'truefalse':
			return typeof response === 'boolean' || response === 'true' || response === 'false';
		case 'numeric':
			return isString(response) || (typeof response === 'number' && Number.isFinite(response));
		case 'matching':
			return typeof response === 'object' && !Array.isArray(response);
		case 'description':
			return false;
	}
}
