// A trainer starts a course in the studio: a course row with no version yet, its draft made of
// the template's files, and the trainer as its owner, in one audited transaction.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { course, courseRole } from '../db/schema/index.ts';
import { recordAudit } from '../audit/log.ts';
import { DomainError } from '../errors.ts';
import { SLUG } from '../courses/format/problems.ts';
import type { Locale, Localised } from '../text/localised.ts';
import { newCourseFiles } from './course-template.ts';
import { insertDraft } from './draft-files.ts';

/** Creates a studio course owned by `actorId`; refuses a slug already taken or badly formed. */
export function createStudioCourse(
	db: Db,
	{
		actorId,
		slug,
		source,
		titles,
		now = new Date()
	}: { actorId: string; slug: string; source: Locale; titles: Localised; now?: Date }
): { courseId: number } {
	if (!SLUG.test(slug) || slug === 'final' || slug.length > 60)
		throw new DomainError('invalid_slug', 'slug');
	if (db.select({ id: course.id }).from(course).where(eq(course.slug, slug)).get())
		throw new DomainError('slug_taken', 'slug');
	const files = newCourseFiles({ slug, source, titles, today: now.toISOString().slice(0, 10) });
	return db.transaction((tx) => {
		const courseId = tx
			.insert(course)
			.values({
				slug,
				source: 'studio',
				editedInStudio: true,
				contentHash: '',
				createdAt: now,
				updatedAt: now
			})
			.returning({ id: course.id })
			.get().id;
		tx.insert(courseRole)
			.values({ courseId, userId: actorId, role: 'owner', grantedBy: actorId, createdAt: now })
			.run();
		insertDraft(tx, { courseId, files, actorId, now });
		recordAudit(
			tx,
			{
				actorId,
				action: 'studio.course.create',
				subjectType: 'course',
				subjectId: String(courseId),
				details: { slug }
			},
			now
		);
		return { courseId };
	});
}
