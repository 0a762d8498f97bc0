import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { course, module } from './courses.ts';
import { governorate, municipality } from './geo.ts';
import { user } from './users.ts';

/**
 * A group of learners following one course together (the current published version: a cohort
 * pins nothing). Trainers see and act on learners only through the cohorts they run.
 */
export const cohort = sqliteTable(
	'cohort',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		courseId: integer('course_id')
			.notNull()
			.references(() => course.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		governorateId: text('governorate_id').references(() => governorate.id),
		municipalityId: integer('municipality_id').references(() => municipality.id),
		/** Calendar days, `YYYY-MM-DD`: a session's dates, not instants. */
		startsOn: text('starts_on'),
		endsOn: text('ends_on'),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('cohort_course_name_idx').on(t.courseId, t.name)]
);
export type Cohort = typeof cohort.$inferSelect;

export const cohortTrainer = sqliteTable(
	'cohort_trainer',
	{
		cohortId: integer('cohort_id')
			.notNull()
			.references(() => cohort.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		addedBy: text('added_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.cohortId, t.userId] }),
		index('cohort_trainer_user_idx').on(t.userId)
	]
);

export const COHORT_JOIN_METHODS = ['code', 'roster', 'picked'] as const;
export type CohortJoinMethod = (typeof COHORT_JOIN_METHODS)[number];

export const cohortMember = sqliteTable(
	'cohort_member',
	{
		cohortId: integer('cohort_id')
			.notNull()
			.references(() => cohort.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		joinedAt: integer('joined_at', { mode: 'timestamp_ms' }).notNull(),
		joinedBy: text('joined_by', { enum: COHORT_JOIN_METHODS }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.cohortId, t.userId] }),
		index('cohort_member_user_idx').on(t.userId)
	]
);
export type CohortMember = typeof cohortMember.$inferSelect;

/**
 * A join code shared with a group (printed, read aloud, put in a link): stored as the code
 * itself, since the trainer must be able to show it again; it expires, can be revoked, and
 * may cap how many join with it.
 */
export const cohortInvite = sqliteTable(
	'cohort_invite',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		cohortId: integer('cohort_id')
			.notNull()
			.references(() => cohort.id, { onDelete: 'cascade' }),
		code: text('code').notNull().unique(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		capacity: integer('capacity'),
		usedCount: integer('used_count').notNull().default(0),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('cohort_invite_cohort_idx').on(t.cohortId)]
);
export type CohortInvite = typeof cohortInvite.$inferSelect;

/** A cohort's due date for one module (a calendar day, `YYYY-MM-DD`). */
export const cohortDueDate = sqliteTable(
	'cohort_due_date',
	{
		cohortId: integer('cohort_id')
			.notNull()
			.references(() => cohort.id, { onDelete: 'cascade' }),
		moduleId: integer('module_id')
			.notNull()
			.references(() => module.id, { onDelete: 'cascade' }),
		dueOn: text('due_on').notNull()
	},
	(t) => [primaryKey({ columns: [t.cohortId, t.moduleId] })]
);

/** A short message from a trainer to a cohort's learners, shown on "My learning". */
export const cohortAnnouncement = sqliteTable(
	'cohort_announcement',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		cohortId: integer('cohort_id')
			.notNull()
			.references(() => cohort.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('cohort_announcement_cohort_idx').on(t.cohortId, t.createdAt)]
);
export type CohortAnnouncement = typeof cohortAnnouncement.$inferSelect;
