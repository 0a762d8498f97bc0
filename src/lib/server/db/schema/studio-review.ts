import { index, integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { course } from './courses.ts';
import { user } from './users.ts';

/**
 * A remark on a draft lesson, in one language, optionally quoting the passage it is about. A
 * lesson's comments form its thread; a reply points at the comment it answers (one level), and
 * only a comment that starts a thread is resolved or reopened. Lessons are keyed by their slugs,
 * which survive reordering (the file names do not).
 */
export const studioComment = sqliteTable(
	'studio_comment',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		courseId: integer('course_id')
			.notNull()
			.references(() => course.id, { onDelete: 'cascade' }),
		moduleSlug: text('module_slug').notNull(),
		lessonSlug: text('lesson_slug').notNull(),
		locale: text('locale', { enum: ['ar', 'fr', 'en'] }).notNull(),
		parentId: integer('parent_id').references((): AnySQLiteColumn => studioComment.id, {
			onDelete: 'cascade'
		}),
		/** Null once the author's account is erased (the text is emptied then too). */
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		quote: text('quote'),
		resolvedBy: text('resolved_by').references(() => user.id, { onDelete: 'set null' }),
		resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('studio_comment_lesson_idx').on(t.courseId, t.moduleSlug, t.lessonSlug),
		index('studio_comment_parent_idx').on(t.parentId),
		index('studio_comment_author_idx').on(t.authorId),
		index('studio_comment_resolved_by_idx').on(t.resolvedBy)
	]
);
export type StudioComment = typeof studioComment.$inferSelect;

/**
 * A studio-edited course whose `courses/` folder differs from it: the importer records the
 * folder's hash (and leaves the course alone); an admin keeps the studio's version (dismissed
 * until the folder's hash changes) or takes the files into the draft.
 */
export const importConflict = sqliteTable(
	'import_conflict',
	{
		courseId: integer('course_id')
			.primaryKey()
			.references(() => course.id, { onDelete: 'cascade' }),
		filesHash: text('files_hash').notNull(),
		status: text('status', { enum: ['open', 'kept', 'taken'] })
			.notNull()
			.default('open'),
		detectedAt: integer('detected_at', { mode: 'timestamp_ms' }).notNull(),
		decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('import_conflict_decided_by_idx').on(t.decidedBy)]
);
export type ImportConflict = typeof importConflict.$inferSelect;
