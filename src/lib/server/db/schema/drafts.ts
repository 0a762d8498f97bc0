import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { course } from './courses.ts';
import { user } from './users.ts';

/**
 * A course's draft is a set of course files: one row per file of the `courses/<slug>/` format,
 * its bytes as they would be written. The studio edits these rows; publishing loads them with the
 * same loader and importer as the files; exporting writes them back byte for byte.
 */
export const draftFile = sqliteTable(
	'draft_file',
	{
		courseId: integer('course_id')
			.notNull()
			.references(() => course.id, { onDelete: 'cascade' }),
		/** Relative to the course folder, with `/` (`01-basics/02-reading.ar.md`). */
		path: text('path').notNull(),
		content: blob('content', { mode: 'buffer' }).notNull().$type<Buffer>(),
		/** SHA-256 of `content`. */
		hash: text('hash').notNull(),
		/** SHA-256 of the file as last published; null for a file the draft added. */
		baseHash: text('base_hash'),
		/** For a lesson in a target language: the source lesson's hash when it was last saved. */
		sourceHash: text('source_hash'),
		updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.courseId, t.path] }),
		index('draft_file_updated_by_idx').on(t.updatedBy)
	]
);
export type DraftFile = typeof draftFile.$inferSelect;

/**
 * The course's files as last published (or as imported from `courses/`), so the studio can show
 * what the draft changes before it is published. Text files keep their bytes; other files (images)
 * only their hash, which is all a diff needs from them.
 */
export const publishedFile = sqliteTable(
	'published_file',
	{
		courseId: integer('course_id')
			.notNull()
			.references(() => course.id, { onDelete: 'cascade' }),
		path: text('path').notNull(),
		/** Null for a binary file. */
		content: blob('content', { mode: 'buffer' }).$type<Buffer>(),
		hash: text('hash').notNull()
	},
	(t) => [primaryKey({ columns: [t.courseId, t.path] })]
);
export type PublishedFile = typeof publishedFile.$inferSelect;
