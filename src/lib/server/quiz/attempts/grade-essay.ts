// A trainer's score for an essay. The attempt's totals and pass/fail are recomputed from the
// snapshot in the same transaction, so they can never disagree with the answers.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { attemptAnswer, quizAttempt } from '../../db/schema/index.ts';
import { recordAudit } from '../../audit/log.ts';
import { DomainError } from '../../errors.ts';
import { entries } from '../body.ts';
import { cleanText } from '../../text/clean.ts';
import type { Issuer } from '../../certificates/issue.ts';
import { answersOf, columnsOf, resultOf, totalsOf, type AttemptResult } from './submit.ts';
import { issueForAttempt } from './earned.ts';

type GradeEssay = {
	attemptId: number;
	questionId: string;
	/** Ignored when `rubric` is given: the score is then the sum of the criteria's points. */
	score: number;
	/** Points per criterion of the question's rubric (quiz file), every criterion given. */
	rubric?: Record<string, number> | null;
	/** A comment for the learner, shown in their review. */
	feedback?: string | null;
	graderId: string;
	issuer: Issuer;
	now?: Date;
};

const MAX_FEEDBACK = 5000;

/** A comment keeps its paragraphs; each line is cleaned like any text one person types for another. */
function cleanFeedback(input: string): string {
	return input
		.split(/\r\n|\r|\n/)
		.map(cleanText)
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** The rubric's criteria as the quiz file wrote them: `{ id, points, text }`. */
export function rubricOf(
	body: Record<string, unknown>
): { id: string; points: number; text: unknown }[] {
	return entries(body, 'rubric').flatMap((e) =>
		typeof e.raw.points === 'number' && e.raw.points >= 0
			? [{ id: e.id, points: e.raw.points, text: e.raw.text }]
			: []
	);
}

/** Checks a grader's points against the rubric: every criterion, each within 0..its points. */
function rubricScores(
	body: Record<string, unknown>,
	given: Record<string, number>
): Record<string, number> {
	const criteria = rubricOf(body);
	if (criteria.length === 0) throw new DomainError('invalid_score', 'rubric');
	const out: Record<string, number> = {};
	for (const c of criteria) {
		const points = given[c.id];
		if (points === undefined || !Number.isFinite(points) || points < 0 || points > c.points)
			throw new DomainError('invalid_score', `rubric.${c.id}`);
		out[c.id] = points;
	}
	if (Object.keys(given).some((id) => !(id in out)))
		throw new DomainError('invalid_score', 'rubric');
	return out;
}

/**
 * Records the points a trainer gave to an essay of a submitted attempt (0..the question's
 * points; grading again replaces them) and issues what the new result earns. Checking that the
 * grader may grade is the caller's.
 */
export function gradeEssay(
	db: Db,
	{ attemptId, questionId, graderId, issuer, now = new Date(), ...marks }: GradeEssay
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
			const rubric = marks.rubric ? rubricScores(shown.question.body, marks.rubric) : null;
			const score = rubric ? Object.values(rubric).reduce((a, b) => a + b, 0) : marks.score;
			if (!Number.isFinite(score) || score < 0 || score > max)
				throw new DomainError('invalid_score', 'score');
			const feedback = cleanFeedback(marks.feedback ?? '');
			if (feedback.length > MAX_FEEDBACK) throw new DomainError('too_long', 'feedback');
			tx.update(attemptAnswer)
				.set({
					score,
					correct: score >= max,
					gradedBy: graderId,
					gradedAt: now,
					graderFeedback: feedback || null,
					rubricScores: rubric
				})
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
					// The score, not the comment: the audit log keeps no learner-facing text.
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
