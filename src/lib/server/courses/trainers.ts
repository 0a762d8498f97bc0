// Trainers an admin assigns to a course (course_role 'trainer'), beside those its course.yaml
// names. Every change is audit-logged in the same transaction.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { course, courseRole, user } from '../db/schema/index.ts';
import { recordAudit } from '../audit/log.ts';
import { DomainError } from '../errors.ts';
import { courseStaff } from '../access/course-staff.ts';

export type CourseTrainers = {
	courseId: number;
	slug: string;
	/** Emails listed in course.yaml (change them in the files). */
	named: string[];
	/** Accounts an admin assigned here. */
	assigned: { id: string; name: string; email: string }[];
};

/** Every live course with its trainers, for the admin page. */
export function listCourseTrainers(db: Db): CourseTrainers[] {
	const courses = db
		.select({ id: course.id, slug: course.slug })
		.from(course)
		.where(eq(course.archived, false))
		.orderBy(asc(course.slug))
		.all();
	const assigned = db
		.select({ courseId: courseRole.courseId, id: user.id, name: user.name, email: user.email })
		.from(courseRole)
		.innerJoin(user, eq(user.id, courseRole.userId))
		.where(eq(courseRole.role, 'trainer'))
		.orderBy(asc(user.name))
		.all();
	return courses.map((c) => ({
		courseId: c.id,
		slug: c.slug,
		named: courseStaff(db, c.id).trainerEmails,
		assigned: assigned
			.filter((a) => a.courseId === c.id)
			.map(({ id, name, email }) => ({ id, name, email }))
	}));
}

type Assignment = { actorId: string; courseId: number; userId: string; ip?: string | null };

/** Makes a trainer account a trainer of one course; assigning twice changes nothing. */
export function assignCourseTrainer(db: Db, { actorId, courseId, userId, ip }: Assignment): void {
	db.transaction((tx) => {
		const target = tx.select({ role: user.role }).from(user).where(eq(user.id, userId)).get();
		if (!target) throw new DomainError('not_found', 'userId');
		if (target.role !== 'trainer') throw new DomainError('not_a_trainer', 'userId');
		const c = tx.select({ id: course.id }).from(course).where(eq(course.id, courseId)).get();
		if (!c) throw new DomainError('not_found', 'courseId');
		const added = tx
			.insert(courseRole)
			.values({ courseId, userId, role: 'trainer', grantedBy: actorId, createdAt: new Date() })
			.onConflictDoNothing()
			.run().changes;
		if (added)
			recordAudit(tx, {
				actorId,
				action: 'course_role.grant',
				subjectType: 'course',
				subjectId: String(courseId),
				details: { userId, role: 'trainer' },
				ip
			});
	});
}

/** Takes an assigned trainer off a course; one named in course.yaml stays (edit the file). */
export function removeCourseTrainer(db: Db, { actorId, courseId, userId, ip }: Assignment): void {
	db.transaction((tx) => {
		const removed = tx
			.delete(courseRole)
			.where(
				and(
					eq(courseRole.courseId, courseId),
					eq(courseRole.userId, userId),
					eq(courseRole.role, 'trainer')
				)
			)
			.run().changes;
		if (!removed) throw new DomainError('not_found');
		recordAudit(tx, {
			actorId,
			action: 'course_role.revoke',
			subjectType: 'course',
			subjectId: String(courseId),
			details: { userId, role: 'trainer' },
			ip
		});
	});
}
