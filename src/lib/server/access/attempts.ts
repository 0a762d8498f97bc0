// Quiz attempts: a learner's own work; the course's staff look at it to review and grade.
import type { Actor } from './actor.ts';
import { isAdmin } from './actor.ts';
import { isCourseTrainer, type CourseStaff } from './course-staff.ts';

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

/** Reading an attempt with its marks: its learner, and the course's staff. */
export function canReviewAttempt(actor: Actor, attempt: AttemptOwner, staff: CourseStaff): boolean {
	return canContinueAttempt(actor, attempt) || isAdmin(actor) || isCourseTrainer(actor, staff);
}

/** Marking an essay: the course's staff, never the learner who wrote it (a trainer taking a quiz). */
export function canGrade(actor: Actor, attempt: AttemptOwner, staff: CourseStaff): boolean {
	if (actor === null || actor.id === attempt.userId) return false;
	return isAdmin(actor) || isCourseTrainer(actor, staff);
}

/** The queue of essays to mark for a course: the people who may mark them (see canGrade). */
export function canGradeCourse(actor: Actor, staff: CourseStaff): boolean {
	return isAdmin(actor) || isCourseTrainer(actor, staff);
}
