import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { course } from './courses.ts';
import { user } from './users.ts';

/**
 * What a person is for one course, granted by an admin. 'trainer' follows the course's learners
 * and results until cohorts arrive; the studio's roles (owner, editor, translator, reviewer)
 * join this list. Trainers named in course.yaml live in the version's metadata, not here.
 */
export const COURSE_ROLES = ['trainer'] as const;
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
		grantedBy: text('granted_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.courseId, t.userId, t.role] }),
		index('course_role_user_idx').on(t.userId)
	]
);
export type CourseRole = typeof courseRole.$inferSelect;
