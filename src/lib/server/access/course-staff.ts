import { and, eq, sql } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import { preparedOn } from '../db/prepared.ts';
import { course, courseRole, courseVersion } from '../db/schema/index.ts';
import type { Actor } from './actor.ts';

/** Who runs a course, as the rules need it: emails from course.yaml, ids granted by an admin. */
export type CourseStaff = { courseId: number; trainerEmails: string[]; trainerIds: string[] };

/** The course's trainers: named in its course.yaml (`trainers:`) and assigned by an admin. */
export function courseStaff(db: DbLike, courseId: number): CourseStaff {
	const named = preparedOn(db, namedTrainers).get({ courseId })?.trainers;
	const trainerIds = preparedOn(db, grantedTrainers)
		.all({ courseId })
		.map((r) => r.userId);
	return {
		courseId,
		trainerEmails: named ? (JSON.parse(named) as string[]) : [],
		trainerIds
	};
}

// Only the list, not the whole metadata (its glossary is large): this runs on course pages.
const namedTrainers = (db: DbLike) =>
	db
		.select({ trainers: sql<string | null>`json_extract(${courseVersion.metadata}, '$.trainers')` })
		.from(course)
		.innerJoin(courseVersion, eq(courseVersion.id, course.currentVersionId))
		.where(eq(course.id, sql.placeholder('courseId')))
		.prepare();

const grantedTrainers = (db: DbLike) =>
	db
		.select({ userId: courseRole.userId })
		.from(courseRole)
		.where(
			and(eq(courseRole.courseId, sql.placeholder('courseId')), eq(courseRole.role, 'trainer'))
		)
		.prepare();

/** A trainer account named for this course; the account must still hold the trainer role. */
export function isCourseTrainer(actor: Actor, staff: CourseStaff): boolean {
	if (actor?.role !== 'trainer') return false;
	return (
		staff.trainerIds.includes(actor.id) || staff.trainerEmails.includes(actor.email.toLowerCase())
	);
}
