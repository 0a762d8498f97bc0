// Saving one answer: a small write of its own, as soon as the learner changes it. A save that
// cannot be kept (attempt submitted, deadline passed) is refused loudly, never dropped.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { attemptAnswer } from '../../db/schema/index.ts';
import { DomainError } from '../../errors.ts';
import type { Issuer } from '../../certificates/issue.ts';
import { changeOpenAttempt } from './change-open.ts';
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

/**
 * Upserts the answer to one question of an open attempt. Saving the same answer again changes
 * nothing (same revision). Past the deadline the attempt is submitted with what was saved and
 * this save is refused with 'deadline_passed'.
 */
export function saveAnswer(
	db: Db,
	{ attemptId, userId, questionId, response, issuer, now = new Date() }: Save
): Saved {
	return changeOpenAttempt(db, { attemptId, userId, now, issuer }, (tx, attempt): Saved => {
		const shown = attempt.questions.find((q) => q.question.id === questionId);
		if (!shown) throw new DomainError('unknown_question', 'questionId');
		if (!validResponse(shown.question.type, response))
			throw new DomainError('invalid_response', 'response');
		const before = tx
			.select()
			.from(attemptAnswer)
			.where(and(eq(attemptAnswer.attemptId, attemptId), eq(attemptAnswer.questionId, questionId)))
			.get();
		if (before && JSON.stringify(before.response) === JSON.stringify(response))
			return { savedAt: before.savedAt, revision: before.revision };
		// Checked answers are final (immediate feedback), or checking would reveal the key.
		if (before?.checkedAt) throw new DomainError('answer_checked', 'questionId');
		const row = tx
			.insert(attemptAnswer)
			.values({ attemptId, questionId, response, savedAt: now, revision: 1 })
			.onConflictDoUpdate({
				target: [attemptAnswer.attemptId, attemptAnswer.questionId],
				set: { response, savedAt: now, revision: (before?.revision ?? 0) + 1 }
			})
			.returning()
			.get();
		return { savedAt: row.savedAt, revision: row.revision };
	});
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
