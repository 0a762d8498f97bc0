// A trainer's short messages to a cohort, and what a learner sees of them: only the messages of
// the cohorts they belong to.
import { and, desc, eq, inArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { prepared } from '../db/prepared.ts';
import { cohort, cohortAnnouncement, cohortMember } from '../db/schema/index.ts';
import { recordAudit } from '../audit/log.ts';
import { DomainError } from '../errors.ts';

export type Announcement = { id: number; cohort: string; body: string; createdAt: Date };

/** Posts a message to the cohort (the caller has checked canRunCohort). */
export function postAnnouncement(
	db: Db,
	{
		actorId,
		cohortId,
		body,
		now = new Date()
	}: { actorId: string; cohortId: number; body: string; now?: Date }
): number {
	return db.transaction((tx) => {
		const c = tx.select({ id: cohort.id }).from(cohort).where(eq(cohort.id, cohortId)).get();
		if (!c) throw new DomainError('not_found');
		const row = tx
			.insert(cohortAnnouncement)
			.values({ cohortId, authorId: actorId, body, createdAt: now })
			.returning({ id: cohortAnnouncement.id })
			.get();
		recordAudit(
			tx,
			{
				actorId,
				action: 'cohort.announce',
				subjectType: 'cohort',
				subjectId: String(cohortId),
				details: { announcementId: row.id }
			},
			now
		);
		return row.id;
	});
}

/** A cohort's messages, newest first. */
export function cohortAnnouncements(
	db: Db,
	{ cohortId, limit = 50 }: { cohortId: number; limit?: number }
): Announcement[] {
	return db
		.select({
			id: cohortAnnouncement.id,
			cohort: cohort.name,
			body: cohortAnnouncement.body,
			createdAt: cohortAnnouncement.createdAt
		})
		.from(cohortAnnouncement)
		.innerJoin(cohort, eq(cohort.id, cohortAnnouncement.cohortId))
		.where(eq(cohortAnnouncement.cohortId, cohortId))
		.orderBy(desc(cohortAnnouncement.createdAt), desc(cohortAnnouncement.id))
		.limit(limit)
		.all();
}

/**
 * The messages a learner may read: those of the cohorts they are a member of, newest first,
 * optionally for some courses only.
 */
export function learnerAnnouncements(
	db: Db,
	{
		userId,
		courseIds = null,
		limit = 10
	}: { userId: string; courseIds?: readonly number[] | null; limit?: number }
): (Announcement & { courseId: number })[] {
	if (courseIds?.length === 0) return [];
	// One course (its page) is the common case: a statement prepared once.
	if (courseIds?.length === 1)
		return prepared(db, oneCourseAnnouncements).all({ userId, courseId: courseIds[0], limit });
	return memberAnnouncements(
		db,
		userId,
		courseIds ? inArray(cohort.courseId, [...courseIds]) : undefined
	)
		.limit(limit)
		.all();
}

/** The messages of the cohorts `userId` (a value or a placeholder) belongs to, newest first. */
function memberAnnouncements(db: Db, userId: string | Placeholder, where: SQL | undefined) {
	return db
		.select({
			id: cohortAnnouncement.id,
			cohort: cohort.name,
			courseId: cohort.courseId,
			body: cohortAnnouncement.body,
			createdAt: cohortAnnouncement.createdAt
		})
		.from(cohortAnnouncement)
		.innerJoin(cohort, eq(cohort.id, cohortAnnouncement.cohortId))
		.innerJoin(
			cohortMember,
			and(eq(cohortMember.cohortId, cohort.id), eq(cohortMember.userId, userId))
		)
		.where(where)
		.orderBy(desc(cohortAnnouncement.createdAt), desc(cohortAnnouncement.id));
}

const oneCourseAnnouncements = (db: Db) =>
	memberAnnouncements(
		db,
		sql.placeholder('userId'),
		eq(cohort.courseId, sql.placeholder('courseId'))
	)
		.limit(sql.placeholder('limit'))
		.prepare();
