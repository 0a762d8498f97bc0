import {
	integer,
	real,
	sqliteTable,
	text,
	index,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';

import type { QuizSettings, VersionMeta } from '../../courses/types.ts';
import type { Localised } from '../../text/localised.ts';

/**
 * A course. Content lives in module/lesson/quiz rows keyed by stable slugs; versions record each
 * import. `source` says where the truth is: 'files' (courses/) or 'studio' (edited on the web).
 */
export const course = sqliteTable('course', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	slug: text('slug').notNull().unique(),
	/** The version whose content the module/lesson/quiz rows hold. */
	currentVersionId: integer('current_version_id').references(
		(): AnySQLiteColumn => courseVersion.id
	),
	/** The version learners see in the catalog; null while unpublished. */
	publishedVersionId: integer('published_version_id').references(
		(): AnySQLiteColumn => courseVersion.id
	),
	source: text('source', { enum: ['files', 'studio'] })
		.notNull()
		.default('files'),
	/** SHA-256 of every file of the course folder at the last import. */
	contentHash: text('content_hash').notNull(),
	editedInStudio: integer('edited_in_studio', { mode: 'boolean' }).notNull().default(false),
	archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});
export type Course = typeof course.$inferSelect;

export const courseVersion = sqliteTable(
	'course_version',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		courseId: integer('course_id')
			.notNull()
			.references((): AnySQLiteColumn => course.id, { onDelete: 'cascade' }),
		/** Semantic version from course.yaml. */
		version: text('version').notNull(),
		contentHash: text('content_hash').notNull(),
		/** 'draft' when recorded for a studio-edited course and not applied. */
		status: text('status', { enum: ['applied', 'draft'] })
			.notNull()
			.default('applied'),
		/** course.yaml as read: locales, localised title/summary/outcomes, completion rule, … */
		metadata: text('metadata', { mode: 'json' }).notNull().$type<VersionMeta>(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('course_version_course_idx').on(t.courseId, t.contentHash)]
);
export type CourseVersion = typeof courseVersion.$inferSelect;

export const module = sqliteTable(
	'module',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		courseId: integer('course_id')
			.notNull()
			.references(() => course.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		position: integer('position').notNull(),
		title: text('title', { mode: 'json' }).notNull().$type<Localised>(),
		objectives: text('objectives', { mode: 'json' })
			.notNull()
			.$type<Partial<Record<string, string[]>>>(),
		archived: integer('archived', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [uniqueIndex('module_course_slug_idx').on(t.courseId, t.slug)]
);
export type Module = typeof module.$inferSelect;

export const lesson = sqliteTable(
	'lesson',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		moduleId: integer('module_id')
			.notNull()
			.references(() => module.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		position: integer('position').notNull(),
		minutes: integer('minutes').notNull(),
		archived: integer('archived', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [uniqueIndex('lesson_module_slug_idx').on(t.moduleId, t.slug)]
);
export type Lesson = typeof lesson.$inferSelect;

export const lessonText = sqliteTable(
	'lesson_text',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		lessonId: integer('lesson_id')
			.notNull()
			.references(() => lesson.id, { onDelete: 'cascade' }),
		locale: text('locale', { enum: ['ar', 'fr', 'en'] }).notNull(),
		title: text('title').notNull(),
		markdown: text('markdown').notNull(),
		/** Sanitised at import; safe to insert as is. */
		html: text('html').notNull(),
		sources: text('sources', { mode: 'json' }).notNull().$type<string[]>(),
		wordCount: integer('word_count').notNull()
	},
	(t) => [uniqueIndex('lesson_text_lesson_locale_idx').on(t.lessonId, t.locale)]
);
export type LessonText = typeof lessonText.$inferSelect;

export const quiz = sqliteTable(
	'quiz',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		courseId: integer('course_id')
			.notNull()
			.references(() => course.id, { onDelete: 'cascade' }),
		/** The module's slug for a module quiz, 'final' for the final assessment. */
		slug: text('slug').notNull(),
		moduleId: integer('module_id').references(() => module.id, { onDelete: 'set null' }),
		/** Title, pass mark, attempts, draw, feedback, … as written in the quiz file. */
		settings: text('settings', { mode: 'json' }).notNull().$type<QuizSettings>(),
		archived: integer('archived', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [uniqueIndex('quiz_course_slug_idx').on(t.courseId, t.slug)]
);
export type Quiz = typeof quiz.$inferSelect;

export const question = sqliteTable(
	'question',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		quizId: integer('quiz_id')
			.notNull()
			.references(() => quiz.id, { onDelete: 'cascade' }),
		/** The stable id written in the quiz file; answers are stored against it. */
		questionId: text('question_id').notNull(),
		position: integer('position').notNull(),
		type: text('type').notNull(),
		points: real('points').notNull().default(1),
		/** The full localised definition: prompt, options, answer keys, feedback. */
		body: text('body', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
		archived: integer('archived', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [uniqueIndex('question_quiz_question_idx').on(t.quizId, t.questionId)]
);
export type Question = typeof question.$inferSelect;
