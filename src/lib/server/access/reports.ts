// Aggregate reports: figures only, never names, and small cells suppressed whoever reads them.
import { course } from '../db/schema/index.ts';
import type { DbLike } from '../db/index.ts';
import type { Actor } from './actor.ts';
import { courseStaff, isCourseTrainer } from './course-staff.ts';

/** Partners and admins read reports on every course; trainers on theirs; nobody else. */
export function canViewReports(actor: Actor): boolean {
	return actor?.role === 'partner' || actor?.role === 'admin' || actor?.role === 'trainer';
}

/**
 * Which courses' figures the actor may read: 'all', or the ids of the courses a trainer runs
 * (interim rule until cohorts exist: then a trainer sees the cohorts they run); null: none.
 */
export function reportScope(db: DbLike, actor: Actor): 'all' | number[] | null {
	if (!canViewReports(actor)) return null;
	if (actor?.role !== 'trainer') return 'all';
	return db
		.select({ id: course.id })
		.from(course)
		.all()
		.map((c) => c.id)
		.filter((id) => isCourseTrainer(actor, courseStaff(db, id)));
}

/** A course's public impact page exists only when course.yaml opts in (`impact: public`). */
export function canViewImpact(meta: { impact?: 'public' | 'private' }): boolean {
	return meta.impact === 'public';
}
