// Cohorts: who runs a group of learners, and so who may see them. A trainer sees and acts on
// learners only through the cohorts they run; admins see all. Course trainers (course_role or
// course.yaml `trainers:`) may open cohorts for their course, which makes them its trainers.
import { and, eq } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import { cohort, cohortMember, cohortTrainer } from '../db/schema/index.ts';
import type { Actor } from './actor.ts';
import { isAdmin } from './actor.ts';
import { isCourseTrainer, type CourseStaff } from './course-staff.ts';

/** The trainers of one cohort, as the rules need them. */
export type CohortStaff = { cohortId: number; courseId: number; trainerIds: string[] };

/** Who runs a cohort, or null when there is no such cohort. */
export function cohortStaff(db: DbLike, cohortId: number): CohortStaff | null {
	const row = db
		.select({ courseId: cohort.courseId })
		.from(cohort)
		.where(eq(cohort.id, cohortId))
		.get();
	if (!row) return null;
	const trainerIds = db
		.select({ userId: cohortTrainer.userId })
		.from(cohortTrainer)
		.where(eq(cohortTrainer.cohortId, cohortId))
		.all()
		.map((r) => r.userId);
	return { cohortId, courseId: row.courseId, trainerIds };
}

/** Opening a cohort for a course: admins and the course's trainers. */
export function canCreateCohort(actor: Actor, staff: CourseStaff): boolean {
	return isAdmin(actor) || isCourseTrainer(actor, staff);
}

/** A trainer account named as one of the cohort's trainers (still holding the trainer role). */
export function isCohortTrainer(actor: Actor, staff: CohortStaff): boolean {
	return actor?.role === 'trainer' && staff.trainerIds.includes(actor.id);
}

/**
 * Seeing a cohort, its learners and their results, and running it (editing, trainers, join
 * codes, due dates, roster, announcements): its trainers and admins.
 */
export function canRunCohort(actor: Actor, staff: CohortStaff): boolean {
	return isAdmin(actor) || isCohortTrainer(actor, staff);
}

/** The cohorts of a course that a learner belongs to, with their trainers. */
export function learnerCohorts(
	db: DbLike,
	{ learnerId, courseId }: { learnerId: string; courseId: number }
): CohortStaff[] {
	const rows = db
		.select({ cohortId: cohort.id, trainerId: cohortTrainer.userId })
		.from(cohortMember)
		.innerJoin(cohort, eq(cohort.id, cohortMember.cohortId))
		.leftJoin(cohortTrainer, eq(cohortTrainer.cohortId, cohort.id))
		.where(and(eq(cohortMember.userId, learnerId), eq(cohort.courseId, courseId)))
		.all();
	const byCohort = new Map<number, CohortStaff>();
	for (const r of rows) {
		const c = byCohort.get(r.cohortId) ?? { cohortId: r.cohortId, courseId, trainerIds: [] };
		if (r.trainerId) c.trainerIds.push(r.trainerId);
		byCohort.set(r.cohortId, c);
	}
	return [...byCohort.values()];
}

/**
 * Seeing one learner's work in a course (progress, attempts, certificate): admins always; a
 * trainer only when they run one of the learner's cohorts of that course (`learnerCohorts`).
 */
export function canViewLearner(actor: Actor, cohorts: CohortStaff[]): boolean {
	return isAdmin(actor) || cohorts.some((c) => isCohortTrainer(actor, c));
}

/**
 * The learners of a course whose names and results `actor` may see: every one for admins, the
 * members of the cohorts they run for trainers, none for anyone else.
 */
export function visibleLearners(
	db: DbLike,
	actor: Actor,
	courseId: number
): { all: true } | { all: false; ids: Set<string> } {
	if (isAdmin(actor)) return { all: true };
	if (actor?.role !== 'trainer') return { all: false, ids: new Set() };
	const rows = db
		.selectDistinct({ userId: cohortMember.userId })
		.from(cohortMember)
		.innerJoin(cohort, eq(cohort.id, cohortMember.cohortId))
		.innerJoin(
			cohortTrainer,
			and(eq(cohortTrainer.cohortId, cohort.id), eq(cohortTrainer.userId, actor.id))
		)
		.where(eq(cohort.courseId, courseId))
		.all();
	return { all: false, ids: new Set(rows.map((r) => r.userId)) };
}

/** Whether `userId` is a member of the cohort. */
export function isCohortMember(
	db: DbLike,
	{ cohortId, userId }: { cohortId: number; userId: string }
): boolean {
	return (
		db
			.select({ userId: cohortMember.userId })
			.from(cohortMember)
			.where(and(eq(cohortMember.cohortId, cohortId), eq(cohortMember.userId, userId)))
			.get() !== undefined
	);
}

/**
 * One learner's record through a cohort (the trainer's learner page): the cohort's trainers and
 * admins, and only for a member of that cohort; through it, nobody else's record can be read.
 */
export function canViewCohortMember(
	actor: Actor,
	staff: CohortStaff,
	{ member }: { member: boolean }
): boolean {
	return member && canRunCohort(actor, staff);
}
