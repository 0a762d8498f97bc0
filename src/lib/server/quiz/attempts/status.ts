// Read-only summaries of a learner's attempts, for completion, certificates and "My learning".
// Only kind 'attempt' counts: a pre-test never passes or fails anything.
import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbLike } from '../../db/index.ts';
import {
	attemptAnswer,
	module,
	quiz,
	quizAttempt,
	type QuizAttempt
} from '../../db/schema/index.ts';
import type { Localised } from '../../text/localised.ts';
import { masteryReached } from '../grading/mastery.ts';
import { liveQuiz } from './load.ts';
import { cachedContent } from '../../courses/cache.ts';
import { preparedOn } from '../../db/prepared.ts';

export type BestResult = {
	/** Submitted attempts. */
	attempts: number;
	/** True once any attempt passed. */
	passed: boolean;
	/** Highest percentage of a submitted attempt; null before the first. */
	bestPercentage: number | null;
	/** Some submitted attempt still has an essay to grade. */
	awaitingGrading: boolean;
	/** Submitted attempts with a result (graded, when they held an essay). */
	graded: number;
};

export type QuizStatus = BestResult & {
	quizId: number;
	slug: string;
	title: Localised;
	/** Progress towards the quiz's mastery rule, when it has one. */
	mastery: MasteryState | null;
	openAttemptId: number | null;
};

/** The learner's best standing in a quiz. */
export function bestResult(
	db: DbLike,
	{ userId, quizId }: { userId: string; quizId: number }
): BestResult {
	return summarise(attemptsOf(db, userId, [quizId]));
}

/** Every live quiz of a course (module order, final last) with the learner's standing in it. */
export function quizStatusForCourse(
	db: DbLike,
	{ userId, courseId }: { userId: string; courseId: number }
): QuizStatus[] {
	const quizzes = courseQuizzes(db, courseId);
	const rows = attemptsOf(
		db,
		userId,
		quizzes.map((q) => q.id),
		true
	);
	return quizzes.map((q) => {
		const mine = rows.filter((r) => r.quizId === q.id);
		// The JSON column is not re-checked on read: a row stored before a setting existed lacks it.
		const settings: Partial<typeof q.settings> = q.settings;
		const summary = summarise(mine.filter((r) => r.submittedAt !== null));
		// A practice quiz with a mastery rule counts as passed once mastered ("3 of the last 4").
		const mastery = settings.mastery ? masteryState(db, { userId, quizId: q.id }) : null;
		return {
			quizId: q.id,
			slug: q.slug,
			title: settings.title ?? {},
			...summary,
			passed: summary.passed || mastery?.reached === true,
			mastery,
			openAttemptId: mine.find((r) => r.submittedAt === null)?.id ?? null
		};
	});
}

export type MasteryState = {
	of: number;
	correct: number;
	/** Right or wrong for the last `of` graded answers, oldest first. */
	recent: boolean[];
	reached: boolean;
};

/** Practice mastery ("3 of the last 4 right") over graded answers; null if the quiz has none. */
export function masteryState(
	db: DbLike,
	{ userId, quizId }: { userId: string; quizId: number }
): MasteryState | null {
	const rule = liveQuiz(db, quizId).settings.mastery;
	if (!rule) return null;
	const last = db
		.select({ correct: attemptAnswer.correct })
		.from(attemptAnswer)
		.innerJoin(quizAttempt, eq(quizAttempt.id, attemptAnswer.attemptId))
		.where(
			and(
				eq(quizAttempt.userId, userId),
				eq(quizAttempt.quizId, quizId),
				eq(quizAttempt.kind, 'attempt'),
				isNotNull(attemptAnswer.correct),
				sql`${attemptAnswer.revision} > 0`
			)
		)
		.orderBy(desc(attemptAnswer.savedAt), desc(attemptAnswer.id))
		.limit(rule.of)
		.all();
	const recent = last.map((r) => r.correct === true).reverse();
	return { ...rule, recent, reached: masteryReached(recent, rule) };
}

/** A course's live quizzes in module order, final last: the same for every learner. */
function courseQuizzes(db: DbLike, courseId: number) {
	return cachedContent(db, `quizzes:${courseId}`, () =>
		db
			.select({ id: quiz.id, slug: quiz.slug, settings: quiz.settings })
			.from(quiz)
			.leftJoin(module, eq(module.id, quiz.moduleId))
			.where(and(eq(quiz.courseId, courseId), eq(quiz.archived, false)))
			.orderBy(sql`${module.position} is null`, asc(module.position), asc(quiz.id))
			.all()
	);
}

/** What a summary needs of an attempt (not its questions, the bulk of the row). */
type AttemptSummaryRow = Pick<
	QuizAttempt,
	'id' | 'quizId' | 'submittedAt' | 'percentage' | 'passed'
>;

// Read for every quiz of a course on each lesson and course page: prepared once, with the quiz
// ids as one JSON parameter so one statement serves any number of them.
const readAttempts = (db: DbLike) =>
	db
		.select({
			id: quizAttempt.id,
			quizId: quizAttempt.quizId,
			submittedAt: quizAttempt.submittedAt,
			percentage: quizAttempt.percentage,
			passed: quizAttempt.passed
		})
		.from(quizAttempt)
		.where(
			and(
				eq(quizAttempt.userId, sql.placeholder('userId')),
				sql`${quizAttempt.quizId} in (select value from json_each(${sql.placeholder('quizIds')}))`,
				eq(quizAttempt.kind, 'attempt')
			)
		)
		.prepare();

function attemptsOf(
	db: DbLike,
	userId: string,
	quizIds: number[],
	withOpen = false
): AttemptSummaryRow[] {
	if (quizIds.length === 0) return [];
	const rows = preparedOn(db, readAttempts).all({ userId, quizIds: JSON.stringify(quizIds) });
	return withOpen ? rows : rows.filter((r) => r.submittedAt !== null);
}

function summarise(submitted: readonly AttemptSummaryRow[]): BestResult {
	const percentages = submitted.map((a) => a.percentage ?? 0);
	return {
		attempts: submitted.length,
		passed: submitted.some((a) => a.passed === true),
		bestPercentage: percentages.length ? Math.max(...percentages) : null,
		awaitingGrading: submitted.some((a) => a.passed === null),
		graded: submitted.filter((a) => a.passed !== null).length
	};
}
