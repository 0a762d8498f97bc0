import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { course } from './courses.ts';
import { user } from './users.ts';
import type { Locale } from '../../text/localised.ts';

/**
 * What a person is for one course, granted by an admin. 'trainer' follows the course's learners
 * and results; the studio's roles govern its draft: owner (everything, publishing, roles), editor
 * (the draft), translator (the languages in `languages`), reviewer (reads the draft). Trainers
 * named in course.yaml live in the version's metadata, not here.
 */
export const COURSE_ROLES = ['trainer', 'owner', 'editor', 'translator', 'reviewer'] as const;
export const STUDIO_ROLES = ['owner', 'editor', 'translator', 'reviewer'] as const;
export type StudioRoleName = (typeof STUDIO_ROLES)[number];
export type CourseRoleName = (typeof COURSE_ROLES)[number];

export const courseRole = sqliteTable(
	'course_role',
	{
		courseId: integer('course_id')
			.notNull()
			.references(() => course.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role', { enum: COURSE_ROLES }).notNull(),
		/** For a translator: the locales they may edit (null for every other role). */
		languages: text('languages', { mode: 'json' }).$type<Locale[]>(),
		grantedBy: text('granted_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.courseId, t.userId, t.role] }),
		index('course_role_user_idx').on(t.userId)
	]
);
export type CourseRole = typeof courseRole.$inferSelect;
