// Quiz attempts: a learner's own work; the trainers of the learner's cohorts look at it to
// review and grade (a course trainer outside those cohorts does not).
import { isAdmin, type Actor } from './actor.ts';
import { isCourseTrainer, type CourseStaff } from './course-staff.ts';
import { canViewLearner, type CohortStaff } from './cohorts.ts';

type AttemptOwner = { userId: string };

/**
 * Answering, saving, checking, submitting and reviewing one's own marks: only the learner whose
 * attempt it is (every attempt operation of the domain reads the attempt through this rule).
 */
export function canContinueAttempt(
	actor: Pick<NonNullable<Actor>, 'id'> | null,
	attempt: AttemptOwner
): boolean {
	return actor !== null && actor.id === attempt.userId;
}

/**
 * Reading an attempt with its marks: its learner, admins, and the trainers of the learner's
 * cohorts in the course (`learnerCohorts(db, { learnerId, courseId })`).
 */
export function canReviewAttempt(
	actor: Actor,
	attempt: AttemptOwner,
	cohorts: CohortStaff[]
): boolean {
	return canContinueAttempt(actor, attempt) || canViewLearner(actor, cohorts);
}

/**
 * Marking an essay: admins and the trainers of the learner's cohorts, never the learner who
 * wrote it (a trainer taking a quiz).
 */
export function canGrade(actor: Actor, attempt: AttemptOwner, cohorts: CohortStaff[]): boolean {
	if (actor === null || actor.id === attempt.userId) return false;
	return canViewLearner(actor, cohorts);
}

/**
 * The queue of essays to mark for a course: admins, its trainers, and trainers running one of
 * its cohorts. Each sees only the attempts of learners they may mark (visibleLearners, canGrade).
 */
export function canGradeCourse(actor: Actor, staff: CourseStaff, runsCohort: boolean): boolean {
	return (
		isAdmin(actor) || isCourseTrainer(actor, staff) || (actor?.role === 'trainer' && runsCohort)
	);
}
