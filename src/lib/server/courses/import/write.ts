import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/index.ts';
import { course, courseVersion, lesson, module, question, quiz } from '../../db/schema/index.ts';
import { writeLesson, writeQuiz, type Rendered } from './items.ts';
import type { Course, VersionExtras } from '../types.ts';

export type { Rendered };

type Write = {
	course: Course;
	hash: string;
	rendered: Rendered;
	extras: VersionExtras;
	courseId: number | null;
	now: Date;
};

/**
 * Records a version and makes the rows match the files: upsert by slug, archive what is gone.
 * Returns the course's id.
 */
export function writeCourse(
	tx: Tx,
	{ course: c, hash, rendered, extras, courseId: existingId, now }: Write
): number {
	const courseId =
		existingId ??
		tx
			.insert(course)
			.values({ slug: c.slug, contentHash: hash, createdAt: now, updatedAt: now })
			.returning({ id: course.id })
			.get().id;
	const versionId = insertVersion(tx, {
		course: c,
		courseId,
		hash,
		status: 'applied',
		now,
		extras
	});
	tx.update(course)
		.set({
			contentHash: hash,
			updatedAt: now,
			archived: false,
			currentVersionId: versionId,
			publishedVersionId: c.meta.published ? versionId : null
		})
		.where(eq(course.id, courseId))
		.run();
	archiveAll(tx, courseId);
	for (const m of c.modules) {
		const values = {
			position: m.position,
			title: m.title,
			objectives: m.objectives,
			archived: false
		};
		const moduleId = tx
			.insert(module)
			.values({ courseId, slug: m.slug, ...values })
			.onConflictDoUpdate({ target: [module.courseId, module.slug], set: values })
			.returning({ id: module.id })
			.get().id;
		for (const l of m.lessons)
			writeLesson(tx, { moduleId, moduleSlug: m.slug, lesson: l, rendered });
		if (m.quiz) writeQuiz(tx, { courseId, moduleId, quiz: m.quiz });
		if (m.assignment) writeQuiz(tx, { courseId, moduleId, quiz: m.assignment });
	}
	if (c.final) writeQuiz(tx, { courseId, moduleId: null, quiz: c.final });
	return courseId;
}

/** A version row; for a studio course it is a 'draft' that nothing points at yet. */
export function insertVersion(
	tx: Tx,
	v: {
		course: Course;
		courseId: number;
		hash: string;
		status: 'applied' | 'draft';
		now: Date;
		extras: VersionExtras;
	}
): number {
	const { meta, version, locales, glossary } = v.course;
	return tx
		.insert(courseVersion)
		.values({
			courseId: v.courseId,
			version,
			contentHash: v.hash,
			status: v.status,
			metadata: { version, locales, ...meta, glossary, extras: v.extras },
			createdAt: v.now
		})
		.returning({ id: courseVersion.id })
		.get().id;
}

/** Everything starts archived; what the files still hold is un-archived by its upsert. */
function archiveAll(tx: Tx, courseId: number): void {
	const modules = tx.select({ id: module.id }).from(module).where(eq(module.courseId, courseId));
	const quizzes = tx.select({ id: quiz.id }).from(quiz).where(eq(quiz.courseId, courseId));
	tx.update(module).set({ archived: true }).where(eq(module.courseId, courseId)).run();
	tx.update(lesson).set({ archived: true }).where(inArray(lesson.moduleId, modules)).run();
	tx.update(quiz).set({ archived: true }).where(eq(quiz.courseId, courseId)).run();
	tx.update(question).set({ archived: true }).where(inArray(question.quizId, quizzes)).run();
}
