import { and, desc, eq, sql } from 'drizzle-orm';
import { timingSafeEqual } from 'node:crypto';
import type { Db, DbLike } from '../db/index.ts';
import { enrolment, type Enrolment } from '../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { recordAudit } from '../audit/log.ts';
import { enrolmentKeyOf } from './catalog.ts';
import { prepared, preparedOn } from '../db/prepared.ts';

function sameKey(a: string, b: string): boolean {
	const x = Buffer.from(a.trim());
	const y = Buffer.from(b.trim());
	return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Enrols a learner; enrolling again returns the existing enrolment unchanged.
 * A course with an enrolment key needs it (compared in constant time).
 */
export function enrol(
	db: Db,
	{
		userId,
		courseId,
		key,
		now = new Date()
	}: { userId: string; courseId: number; key?: string; now?: Date }
): Enrolment {
	const existing = findEnrolment(db, { userId, courseId });
	if (existing) return existing;
	const required = enrolmentKeyOf(db, courseId);
	if (required) {
		if (!key) throw new DomainError('enrolment_key_required', 'key');
		if (!sameKey(key, required)) throw new DomainError('enrolment_key_wrong', 'key');
	}
	return db.transaction((tx) => {
		const row = tx
			.insert(enrolment)
			.values({ userId, courseId, enrolledAt: now, lastActiveAt: now })
			.onConflictDoNothing()
			.returning()
			.all()[0];
		if (!row) {
			// The conflict that kept the insert out is the row already there.
			const existing = tx
				.select()
				.from(enrolment)
				.where(and(eq(enrolment.userId, userId), eq(enrolment.courseId, courseId)))
				.get();
			if (!existing) throw new Error(`enrolment of user ${userId} in course ${courseId} vanished`);
			return existing;
		}
		recordAudit(
			tx,
			{
				actorId: userId,
				action: 'enrolment.create',
				subjectType: 'course',
				subjectId: String(courseId)
			},
			now
		);
		return row;
	});
}

const enrolmentOf = (db: DbLike) =>
	db
		.select()
		.from(enrolment)
		.where(
			and(
				eq(enrolment.userId, sql.placeholder('userId')),
				eq(enrolment.courseId, sql.placeholder('courseId'))
			)
		)
		.prepare();

export function findEnrolment(
	db: DbLike,
	{ userId, courseId }: { userId: string; courseId: number }
): Enrolment | null {
	return preparedOn(db, enrolmentOf).get({ userId, courseId }) ?? null;
}

const enrolmentsOf = (db: Db) =>
	db
		.select()
		.from(enrolment)
		.where(eq(enrolment.userId, sql.placeholder('userId')))
		.orderBy(desc(enrolment.lastActiveAt))
		.prepare();

/** A learner's enrolments, most recently active first. */
export function listEnrolments(db: Db, { userId }: { userId: string }): Enrolment[] {
	return prepared(db, enrolmentsOf).all({ userId });
}
