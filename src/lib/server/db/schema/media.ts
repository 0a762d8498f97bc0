import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { course } from './courses.ts';

/**
 * One resized copy of a course image, stored content-addressed as `DATA_DIR/media/<hash>.webp`.
 * `masterHash` is the SHA-256 of the image as the course files hold it (`media/<name>.webp`), so
 * the same picture in two courses, or in a draft and a version, shares its copies.
 */
export const mediaVariant = sqliteTable(
	'media_variant',
	{
		/** SHA-256 of this copy's bytes: its file name and URL. */
		hash: text('hash').primaryKey(),
		masterHash: text('master_hash').notNull(),
		width: integer('width').notNull(),
		height: integer('height').notNull(),
		bytes: integer('bytes').notNull()
	},
	(t) => [index('media_variant_master_idx').on(t.masterHash)]
);
export type MediaVariant = typeof mediaVariant.$inferSelect;

/**
 * The images of a course's published version, by file name: what its stored lesson HTML points
 * at, and what anyone may download (a draft's images are for its studio roles only).
 */
export const courseMedia = sqliteTable(
	'course_media',
	{
		courseId: integer('course_id')
			.notNull()
			.references(() => course.id, { onDelete: 'cascade' }),
		/** File name under the course's `media/` folder (`harbour-view.webp`). */
		name: text('name').notNull(),
		masterHash: text('master_hash').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.courseId, t.name] }),
		index('course_media_master_idx').on(t.masterHash)
	]
);
export type CourseMedia = typeof courseMedia.$inferSelect;
