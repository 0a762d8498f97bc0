// The trainer's side of essays: the queue of submitted attempts still waiting for a mark, and
// one attempt laid out for marking. Who may see them is the caller's (access/attempts canGrade).
import { and, asc, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { quiz, quizAttempt, user, type QuizAttempt } from '../../db/schema/index.ts';
import type { Localised } from '../../text/localised.ts';
import { localText, type Locale } from '../../text/localised.ts';
import { DomainError } from '../../errors.ts';
import type { PresentedQuestion } from '../types.ts';
import { answersOf, totalsOf } from './submit.ts';
import { markingOf, type EssayMarking } from './review.ts';
import { rubricOf } from './grade-essay.ts';

export type QueueEntry = {
	attemptId: number;
	learner: string;
	quizSlug: string;
	quizTitle: Localised;
	submittedAt: Date;
	pending: number;
};

/** Submitted attempts of a course with an essay to mark, oldest first (first in, first marked). */
export function essaysToGrade(
	db: Db,
	{ courseId, learners = null }: { courseId: number; learners?: readonly string[] | null }
): QueueEntry[] {
	if (learners?.length === 0) return [];
	return db
		.select({
			attemptId: quizAttempt.id,
			learner: user.name,
			quizSlug: quiz.slug,
			settings: quiz.settings,
			submittedAt: quizAttempt.submittedAt,
			pending: quizAttempt.pendingCount
		})
		.from(quizAttempt)
		.innerJoin(quiz, eq(quiz.id, quizAttempt.quizId))
		.innerJoin(user, eq(user.id, quizAttempt.userId))
		.where(
			and(
				eq(quiz.courseId, courseId),
				isNotNull(quizAttempt.submittedAt),
				gt(quizAttempt.pendingCount, 0),
				learners ? inArray(quizAttempt.userId, [...learners]) : undefined
			)
		)
		.orderBy(asc(quizAttempt.submittedAt), asc(quizAttempt.id))
		.all()
		.map(({ settings, submittedAt, ...row }) => ({
			...row,
			quizTitle: settings.title,
			submittedAt: submittedAt ?? new Date(0)
		}));
}

export type GradingItem = {
	question: PresentedQuestion;
	response: unknown;
	score: number | null;
	max: number;
	correct: boolean | null;
	/** Essays only: the rubric to mark against and what was given so far. */
	rubric: { id: string; text: string; max: number }[];
	marking: EssayMarking | null;
};

export type AttemptForGrading = {
	attempt: Pick<
		QuizAttempt,
		'id' | 'userId' | 'submittedAt' | 'percentage' | 'passed' | 'pendingCount'
	>;
	courseId: number;
	quizSlug: string;
	quizTitle: Localised;
	learner: string;
	items: GradingItem[];
};

/** One submitted attempt with every answer, as the learner saw the questions. */
export function attemptForGrading(
	db: Db,
	{ attemptId, locale }: { attemptId: number; locale: Locale }
): AttemptForGrading {
	const row = db
		.select({
			attempt: quizAttempt,
			courseId: quiz.courseId,
			slug: quiz.slug,
			settings: quiz.settings,
			learner: user.name
		})
		.from(quizAttempt)
		.innerJoin(quiz, eq(quiz.id, quizAttempt.quizId))
		.innerJoin(user, eq(user.id, quizAttempt.userId))
		.where(eq(quizAttempt.id, attemptId))
		.get();
	if (!row) throw new DomainError('not_found');
	const { attempt } = row;
	if (!attempt.submittedAt) throw new DomainError('not_submitted');
	const answers = answersOf(db, attempt.id);
	const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
	const { grade } = totalsOf(attempt, answers);
	const items = attempt.questions.map(({ question, presented }): GradingItem => {
		const result = grade.results[question.id];
		return {
			question: presented,
			response: byQuestion.get(question.id)?.response ?? null,
			score: result?.score ?? null,
			max: result?.max ?? 0,
			correct: result?.correct ?? null,
			rubric:
				question.type === 'essay'
					? rubricOf(question.body).map((c) => ({
							id: c.id,
							text: localText(c.text, locale),
							max: c.points
						}))
					: [],
			marking: markingOf(question, byQuestion.get(question.id), attempt.locale)
		};
	});
	return {
		attempt,
		courseId: row.courseId,
		quizSlug: row.slug,
		quizTitle: row.settings.title,
		learner: row.learner,
		items
	};
}
