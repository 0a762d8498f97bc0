import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db, DbLike } from '../db/index.ts';
import { enrolment, lessonProgress } from '../db/schema/index.ts';
import type { SyllabusModule } from './types.ts';

export type CourseProgress = {
	done: number;
	total: number;
	percent: number;
	modules: { id: number; done: number; total: number; percent: number }[];
	completedLessonIds: number[];
	/** The lesson to continue with: the last one opened, else the first not finished. */
	resumeLessonId: number | null;
};

const percent = (done: number, total: number) =>
	total === 0 ? 0 : Math.round((done / total) * 100);

/** Progress through a course's current syllabus (archived lessons no longer count). */
export function courseProgress(
	db: DbLike,
	{ userId, courseId, modules }: { userId: string; courseId: number; modules: SyllabusModule[] }
): CourseProgress {
	const lessonIds = modules.flatMap((m) => m.lessons.map((l) => l.id));
	const done = new Set(
		lessonIds.length === 0
			? []
			: db
					.select({ id: lessonProgress.lessonId })
					.from(lessonProgress)
					.where(
						and(
							eq(lessonProgress.userId, userId),
							inArray(lessonProgress.lessonId, lessonIds),
							isNotNull(lessonProgress.completedAt)
						)
					)
					.all()
					.map((r) => r.id)
	);
	const last =
		db
			.select({ id: enrolment.lastLessonId })
			.from(enrolment)
			.where(and(eq(enrolment.userId, userId), eq(enrolment.courseId, courseId)))
			.get()?.id ?? null;
	const firstOpen = lessonIds.find((id) => !done.has(id)) ?? null;
	const resume =
		last !== null && lessonIds.includes(last) && !done.has(last) ? last : (firstOpen ?? last);
	return {
		done: done.size,
		total: lessonIds.length,
		percent: percent(done.size, lessonIds.length),
		modules: modules.map((m) => {
			const d = m.lessons.filter((l) => done.has(l.id)).length;
			return { id: m.id, done: d, total: m.lessons.length, percent: percent(d, m.lessons.length) };
		}),
		completedLessonIds: [...done],
		resumeLessonId: resume
	};
}

/** Records that a learner opened a lesson: it becomes the lesson "continue" returns to. */
export function recordLessonOpened(
	db: Db,
	{
		userId,
		courseId,
		lessonId,
		now = new Date()
	}: { userId: string; courseId: number; lessonId: number; now?: Date }
) {
	db.transaction((tx) => {
		tx.insert(lessonProgress)
			.values({ userId, lessonId, firstOpenedAt: now, lastOpenedAt: now })
			.onConflictDoUpdate({
				target: [lessonProgress.userId, lessonProgress.lessonId],
				set: { lastOpenedAt: now }
			})
			.run();
		tx.update(enrolment)
			.set({ lastLessonId: lessonId, lastActiveAt: now })
			.where(and(eq(enrolment.userId, userId), eq(enrolment.courseId, courseId)))
			.run();
	});
}

/** Saves how far a reader scrolled (0..1); only for a lesson they have opened. */
export function saveScroll(
	db: Db,
	{ userId, lessonId, scroll }: { userId: string; lessonId: number; scroll: number }
): boolean {
	const value = Math.min(1, Math.max(0, scroll));
	const r = db
		.update(lessonProgress)
		.set({ scroll: value })
		.where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonId, lessonId)))
		.run();
	return r.changes > 0;
}

export function lessonState(db: Db, { userId, lessonId }: { userId: string; lessonId: number }) {
	return (
		db
			.select()
			.from(lessonProgress)
			.where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonId, lessonId)))
			.get() ?? null
	);
}
