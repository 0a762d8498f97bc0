// Who may see what of a course beyond its public pages.
import type { Actor } from './actor.ts';
import { isAdmin } from './actor.ts';
import { isCourseTrainer, type CourseStaff } from './course-staff.ts';

/**
 * The course's results page: admins, and the course's own trainers. Which learners' rows it
 * shows is `visibleLearners` (cohorts.ts): a trainer sees only the cohorts they run.
 */
export function canViewResults(actor: Actor, staff: CourseStaff): boolean {
	return isAdmin(actor) || isCourseTrainer(actor, staff);
}

/** A quiz with its answer keys (GIFT export): the people who run the course. */
export function canExportQuiz(actor: Actor, staff: CourseStaff): boolean {
	return isAdmin(actor) || isCourseTrainer(actor, staff);
}

/** The facilitator guide (session plans for running the course): its trainers and admins. */
export function canReadFacilitatorGuide(actor: Actor, staff: CourseStaff): boolean {
	return isAdmin(actor) || isCourseTrainer(actor, staff);
}

/** Unpublished courses and every lesson without enrolling: staff preparing and checking courses. */
export function canReadUnpublished(actor: Pick<NonNullable<Actor>, 'role'> | null): boolean {
	return actor?.role === 'trainer' || actor?.role === 'admin';
}

/** Who teaches which course (assigning trainers): admins only. */
export function canAssignCourseTrainers(actor: Actor): boolean {
	return isAdmin(actor);
}

/**
 * Item analysis of a course's quizzes: aggregate figures, but they show every answer key and how
 * a group answered, so the people who run the course (as for the quiz export).
 */
export function canViewItemAnalysis(actor: Actor, staff: CourseStaff): boolean {
	return isAdmin(actor) || isCourseTrainer(actor, staff);
}
