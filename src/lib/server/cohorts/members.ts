// Membership: a learner joins a cohort (by code, roster or being picked) and is enrolled in its
// course in the same transaction, so a member is always a learner of the course.
import { eq } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import {
	cohort,
	cohortMember,
	enrolment,
	user,
	type CohortJoinMethod
} from '../db/schema/index.ts';
import { recordAudit } from '../audit/log.ts';
import { DomainError } from '../errors.ts';

/**
 * Makes `userId` a member of the cohort and enrols them in its course (no enrolment key: the
 * cohort's trainer let them in). Returns false when they were already a member.
 */
export function addMember(
	tx: DbLike,
	{
		cohortId,
		userId,
		method,
		actorId,
		now = new Date()
	}: {
		cohortId: number;
		userId: string;
		method: CohortJoinMethod;
		actorId: string;
		now?: Date;
	}
): boolean {
	const c = tx
		.select({ courseId: cohort.courseId })
		.from(cohort)
		.where(eq(cohort.id, cohortId))
		.get();
	if (!c) throw new DomainError('not_found');
	const u = tx.select({ erasedAt: user.erasedAt }).from(user).where(eq(user.id, userId)).get();
	if (!u || u.erasedAt) throw new DomainError('not_found', 'userId');
	const joined = tx
		.insert(cohortMember)
		.values({ cohortId, userId, joinedAt: now, joinedBy: method })
		.onConflictDoNothing()
		.run().changes;
	if (!joined) return false;
	const enrolled = tx
		.insert(enrolment)
		.values({ userId, courseId: c.courseId, enrolledAt: now, lastActiveAt: now })
		.onConflictDoNothing()
		.run().changes;
	if (enrolled)
		recordAudit(
			tx,
			{ actorId, action: 'enrolment.create', subjectType: 'course', subjectId: String(c.courseId) },
			now
		);
	recordAudit(
		tx,
		{
			actorId,
			action: 'cohort_member.add',
			subjectType: 'cohort',
			subjectId: String(cohortId),
			details: { userId, method }
		},
		now
	);
	return true;
}
