import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { governorate, municipality } from './geo.ts';

// A text column without a CHECK constraint: a new role needs no migration.
// partner: a donor or ministry programme officer who reads aggregate reports, never names.
export const ROLES = ['learner', 'trainer', 'admin', 'partner'] as const;
export type Role = (typeof ROLES)[number];
export const POSITIONS = [
	'elected-official',
	'council-member',
	'municipal-staff',
	'civil-society',
	'other'
] as const;
export type Position = (typeof POSITIONS)[number];
export const GENDERS = ['woman', 'man', 'unspecified'] as const;
export type Gender = (typeof GENDERS)[number];
import { LOCALES } from '../../text/localised.ts';

export const user = sqliteTable('user', {
	id: text('id').primaryKey(),
	/** Stored lower-cased, so sign-in is case-insensitive. */
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash').notNull(),
	role: text('role', { enum: ROLES }).notNull().default('learner'),
	locale: text('locale', { enum: LOCALES }).notNull().default('ar'),
	// Optional, for aggregate reports only; never shown to other learners.
	position: text('position', { enum: POSITIONS }),
	governorateId: text('governorate_id').references(() => governorate.id),
	municipalityId: integer('municipality_id').references(() => municipality.id),
	/** "Not in the list": the municipality as the person typed it, when the list lacks it. */
	municipalityOther: text('municipality_other'),
	gender: text('gender', { enum: GENDERS }),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	/** Set when the person's account was erased at their request: the row stays, anonymous. */
	erasedAt: integer('erased_at', { mode: 'timestamp_ms' })
});
export type User = typeof user.$inferSelect;

export const session = sqliteTable(
	'session',
	{
		/** SHA-256 of the token, hex. The token itself is never stored. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);
export type Session = typeof session.$inferSelect;

/** Failed sign-in counters per IP and per account; kept in the database so they survive restarts. */
export const loginThrottle = sqliteTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
	lockedUntil: integer('locked_until', { mode: 'timestamp_ms' })
});

export const ONE_TIME_PURPOSES = ['first-admin', 'set-password', 'reset-password'] as const;
export type OneTimePurpose = (typeof ONE_TIME_PURPOSES)[number];

/**
 * Single-use links (first admin set-up, "set your password" for accounts a trainer created,
 * password recovery); only the SHA-256 of the token is stored. `userId` names the account a
 * password link is for; the row is deleted when used.
 */
export const oneTimeToken = sqliteTable(
	'one_time_token',
	{
		id: text('id').primaryKey(),
		purpose: text('purpose', { enum: ONE_TIME_PURPOSES }).notNull(),
		userId: text('user_id').references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('one_time_token_user_idx').on(t.userId)]
);
