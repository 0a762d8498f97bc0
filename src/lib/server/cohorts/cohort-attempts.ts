// Every submitted attempt of a cohort's members at its course's quizzes, for the attempts export:
// one query whatever the cohort's size.
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { cohort, cohortMember, quiz, quizAttempt, user } from '../db/schema/index.ts';
import type { Localised } from '../text/localised.ts';

export type CohortAttempt = {
	learner: string;
	email: string;
	quizSlug: string;
	quizTitle: Localised;
	kind: 'attempt' | 'pretest';
	submittedAt: Date;
	percentage: number | null;
	/** null while an essay waits for a mark. */
	passed: boolean | null;
};

/** The cohort's submitted attempts, by learner name then date. */
export function cohortAttempts(db: Db, { cohortId }: { cohortId: number }): CohortAttempt[] {
	return db
		.select({
			learner: user.name,
			email: user.email,
			quizSlug: quiz.slug,
			settings: quiz.settings,
			kind: quizAttempt.kind,
			submittedAt: quizAttempt.submittedAt,
			percentage: quizAttempt.percentage,
			passed: quizAttempt.passed
		})
		.from(cohortMember)
		.innerJoin(cohort, eq(cohort.id, cohortMember.cohortId))
		.innerJoin(user, eq(user.id, cohortMember.userId))
		.innerJoin(quizAttempt, eq(quizAttempt.userId, cohortMember.userId))
		.innerJoin(quiz, and(eq(quiz.id, quizAttempt.quizId), eq(quiz.courseId, cohort.courseId)))
		.where(and(eq(cohortMember.cohortId, cohortId), isNotNull(quizAttempt.submittedAt)))
		.orderBy(asc(user.name), asc(quizAttempt.submittedAt), asc(quizAttempt.id))
		.all()
		.map(({ settings, submittedAt, ...r }) => ({
			...r,
			quizTitle: settings.title,
			submittedAt: submittedAt ?? new Date(0)
		}));
}
