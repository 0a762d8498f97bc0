import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db, DbLike } from '../db/index.ts';
import { enrolment, lesson, lessonProgress, module } from '../db/schema/index.ts';
import { prepared, preparedOn } from '../db/prepared.ts';
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

// The lessons a learner finished in a course, whatever the version: the syllabus says which count.
const completedInCourse = (db: DbLike) =>
	db
		.select({ id: lessonProgress.lessonId })
		.from(lessonProgress)
		.innerJoin(lesson, eq(lesson.id, lessonProgress.lessonId))
		.innerJoin(module, eq(module.id, lesson.moduleId))
		.where(
			and(
				eq(lessonProgress.userId, sql.placeholder('userId')),
				eq(module.courseId, sql.placeholder('courseId')),
				isNotNull(lessonProgress.completedAt)
			)
		)
		.prepare();

/** Where the learner last was in a course (the lesson to resume); prepared once per database. */
export const lastLessonOf = (db: DbLike) =>
	db
		.select({ id: enrolment.lastLessonId })
		.from(enrolment)
		.where(
			and(
				eq(enrolment.userId, sql.placeholder('userId')),
				eq(enrolment.courseId, sql.placeholder('courseId'))
			)
		)
		.prepare();

/**
 * Progress through a course's current syllabus (archived lessons no longer count). A caller that
 * already holds the enrolment passes its `lastLessonId`, which saves reading it again.
 */
export function courseProgress(
	db: DbLike,
	{
		userId,
		courseId,
		modules,
		lastLessonId
	}: { userId: string; courseId: number; modules: SyllabusModule[]; lastLessonId?: number | null }
): CourseProgress {
	const lessonIds = modules.flatMap((m) => m.lessons.map((l) => l.id));
	const live = new Set(lessonIds);
	const done = new Set(
		lessonIds.length === 0
			? []
			: preparedOn(db, completedInCourse)
					.all({ userId, courseId })
					.map((r) => r.id)
					.filter((id) => live.has(id))
	);
	const last =
		lastLessonId !== undefined
			? lastLessonId
			: (preparedOn(db, lastLessonOf).get({ userId, courseId })?.id ?? null);
	const firstOpen = lessonIds.find((id) => !done.has(id)) ?? null;
	const resume = last !== null && live.has(last) && !done.has(last) ? last : (firstOpen ?? last);
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

const upsertOpened = (db: Db) =>
	db
		.insert(lessonProgress)
		.values({
			userId: sql.placeholder('userId'),
			lessonId: sql.placeholder('lessonId'),
			firstOpenedAt: sql.placeholder('now'),
			lastOpenedAt: sql.placeholder('now')
		})
		.onConflictDoUpdate({
			target: [lessonProgress.userId, lessonProgress.lessonId],
			set: { lastOpenedAt: sql`excluded.last_opened_at` }
		})
		.prepare();

const setLastLesson = (db: Db) =>
	db
		.update(enrolment)
		// Raw values here: drizzle's set() takes no placeholders, so the time goes in as epoch ms.
		.set({
			lastLessonId: sql`${sql.placeholder('lessonId')}`,
			lastActiveAt: sql`${sql.placeholder('nowMs')}`
		})
		.where(
			and(
				eq(enrolment.userId, sql.placeholder('userId')),
				eq(enrolment.courseId, sql.placeholder('courseId'))
			)
		)
		.prepare();

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
	db.transaction(() => {
		prepared(db, upsertOpened).run({ userId, lessonId, now });
		prepared(db, setLastLesson).run({ userId, courseId, lessonId, nowMs: now.getTime() });
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

const stateOf = (db: Db) =>
	db
		.select()
		.from(lessonProgress)
		.where(
			and(
				eq(lessonProgress.userId, sql.placeholder('userId')),
				eq(lessonProgress.lessonId, sql.placeholder('lessonId'))
			)
		)
		.prepare();

export function lessonState(db: Db, { userId, lessonId }: { userId: string; lessonId: number }) {
	return prepared(db, stateOf).get({ userId, lessonId }) ?? null;
}
