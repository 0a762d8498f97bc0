import { and, eq, sql } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import { course, courseRole, courseVersion } from '../db/schema/index.ts';
import type { Actor } from './actor.ts';

/** Who runs a course, as the rules need it: emails from course.yaml, ids granted by an admin. */
export type CourseStaff = { courseId: number; trainerEmails: string[]; trainerIds: string[] };

/** The course's trainers: named in its course.yaml (`trainers:`) and assigned by an admin. */
export function courseStaff(db: DbLike, courseId: number): CourseStaff {
	// Only the list, not the whole metadata (its glossary is large): this runs on course pages.
	const named = db
		.select({ trainers: sql<string | null>`json_extract(${courseVersion.metadata}, '$.trainers')` })
		.from(course)
		.innerJoin(courseVersion, eq(courseVersion.id, course.currentVersionId))
		.where(eq(course.id, courseId))
		.get()?.trainers;
	const trainerIds = db
		.select({ userId: courseRole.userId })
		.from(courseRole)
		.where(and(eq(courseRole.courseId, courseId), eq(courseRole.role, 'trainer')))
		.all()
		.map((r) => r.userId);
	return {
		courseId,
		trainerEmails: named ? (JSON.parse(named) as string[]) : [],
		trainerIds
	};
}

/** A trainer account named for this course; the account must still hold the trainer role. */
export function isCourseTrainer(actor: Actor, staff: CourseStaff): boolean {
	if (actor?.role !== 'trainer') return false;
	return (
		staff.trainerIds.includes(actor.id) || staff.trainerEmails.includes(actor.email.toLowerCase())
	);
}
