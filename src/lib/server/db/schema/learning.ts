import {
	integer,
	real,
	sqliteTable,
	text,
	index,
	primaryKey,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { user } from './users.ts';
import { course, lesson } from './courses.ts';

/** A learner's enrolment in a course; enrolling twice finds this row again. */
export const enrolment = sqliteTable(
	'enrolment',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		courseId: integer('course_id')
			.notNull()
			.references(() => course.id, { onDelete: 'cascade' }),
		enrolledAt: integer('enrolled_at', { mode: 'timestamp_ms' }).notNull(),
		/** Where "continue" takes the learner: the lesson they last opened. */
		lastLessonId: integer('last_lesson_id').references(() => lesson.id, { onDelete: 'set null' }),
		lastActiveAt: integer('last_active_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('enrolment_user_course_idx').on(t.userId, t.courseId),
		index('enrolment_course_idx').on(t.courseId)
	]
);
export type Enrolment = typeof enrolment.$inferSelect;

/** Per learner and lesson; keyed on the lesson row, which keeps its id across course versions. */
export const lessonProgress = sqliteTable(
	'lesson_progress',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		lessonId: integer('lesson_id')
			.notNull()
			.references(() => lesson.id, { onDelete: 'cascade' }),
		firstOpenedAt: integer('first_opened_at', { mode: 'timestamp_ms' }).notNull(),
		lastOpenedAt: integer('last_opened_at', { mode: 'timestamp_ms' }).notNull(),
		completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
		/** How far down the lesson the reader had scrolled, 0..1 (saved by JavaScript when present). */
		scroll: real('scroll').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.userId, t.lessonId] })]
);
export type LessonProgress = typeof lessonProgress.$inferSelect;
