// Aggregate reports: figures only, never names, and small cells suppressed whoever reads them.
// A trainer's figures are those of the learners in the cohorts they run (issue 14), as every
// other view of learners is (cohorts.ts).
import { eq } from 'drizzle-orm';
import { cohort, cohortTrainer } from '../db/schema/index.ts';
import type { DbLike } from '../db/index.ts';
import type { Actor } from './actor.ts';
import { isCohortTrainer, type CohortStaff } from './cohorts.ts';

/** Partners and admins read reports on every course; trainers on their cohorts; nobody else. */
export function canViewReports(actor: Actor): boolean {
	return actor?.role === 'partner' || actor?.role === 'admin' || actor?.role === 'trainer';
}

/**
 * Whose figures the actor may read: 'all', or for a trainer the cohorts they run (and those
 * cohorts' courses); null: none.
 */
export function reportScope(
	db: DbLike,
	actor: Actor
): 'all' | { cohorts: number[]; courses: number[] } | null {
	if (!canViewReports(actor)) return null;
	if (actor?.role !== 'trainer') return 'all';
	const runs = db
		.select({ id: cohort.id, courseId: cohort.courseId })
		.from(cohortTrainer)
		.innerJoin(cohort, eq(cohort.id, cohortTrainer.cohortId))
		.where(eq(cohortTrainer.userId, actor.id))
		.all();
	return {
		cohorts: runs.map((r) => r.id),
		courses: [...new Set(runs.map((r) => r.courseId))].sort((a, b) => a - b)
	};
}

/**
 * Narrowing a report to one cohort: partners and admins for any cohort (its figures are
 * aggregates like any other), a trainer only for a cohort they run.
 */
export function canReportOnCohort(actor: Actor, staff: CohortStaff): boolean {
	return actor?.role === 'partner' || actor?.role === 'admin' || isCohortTrainer(actor, staff);
}

/** A course's public impact page exists only when course.yaml opts in (`impact: public`). */
export function canViewImpact(meta: { impact?: 'public' | 'private' }): boolean {
	return meta.impact === 'public';
}
