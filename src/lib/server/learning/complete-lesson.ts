// Finishing a lesson, and what it earns: the last lesson may complete the course (participation,
// or after the assessments), so the certificate is issued in the same transaction.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { enrolment, lessonProgress } from '../db/schema/index.ts';
import { issueEarnedCertificates, type Issuer } from '../certificates/issue.ts';

type Complete = { userId: string; courseId: number; lessonId: number; issuer: Issuer; now?: Date };

/** Marks a lesson finished and issues what that earns; doing it twice keeps the first time. */
export function completeLesson(
	db: Db,
	{ userId, courseId, lessonId, issuer, now = new Date() }: Complete
): void {
	db.transaction(
		(tx) => {
			tx.insert(lessonProgress)
				.values({ userId, lessonId, firstOpenedAt: now, lastOpenedAt: now, completedAt: now })
				.onConflictDoUpdate({
					target: [lessonProgress.userId, lessonProgress.lessonId],
					set: {
						lastOpenedAt: now,
						completedAt: sql`coalesce(${lessonProgress.completedAt}, ${now.getTime()})`
					}
				})
				.run();
			tx.update(enrolment)
				.set({ lastActiveAt: now })
				.where(and(eq(enrolment.userId, userId), eq(enrolment.courseId, courseId)))
				.run();
			issueEarnedCertificates(tx, { userId, courseId, issuer, now });
		},
		{ behavior: 'immediate' }
	);
}
