import type { CertificateSnapshot } from '../../certificates/types.ts';
import { integer, sqliteTable, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { user } from './users.ts';
import { course } from './courses.ts';

export const CERTIFICATE_TYPES = ['completion', 'participation'] as const;

/**
 * An issued certificate. The snapshot keeps what it certifies as it was on the day (holder's
 * name, course title in every locale, version, hours, score, issuer), so it stays verifiable
 * after the course or the user changes. One per learner, course and type: the unique index
 * makes issuance exactly-once, whatever the concurrency.
 */
export const certificate = sqliteTable(
	'certificate',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		code: text('code').notNull().unique(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id),
		courseId: integer('course_id')
			.notNull()
			.references(() => course.id),
		type: text('type', { enum: CERTIFICATE_TYPES }).notNull(),
		snapshot: text('snapshot', { mode: 'json' }).notNull().$type<CertificateSnapshot>(),
		/** Salt of the email hash that identifies the holder in the Open Badges credential. */
		identitySalt: text('identity_salt').notNull(),
		issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		revokedReason: text('revoked_reason'),
		revokedBy: text('revoked_by').references(() => user.id)
	},
	(t) => [
		uniqueIndex('certificate_once_idx').on(t.userId, t.courseId, t.type),
		index('certificate_course_idx').on(t.courseId)
	]
);
export type Certificate = typeof certificate.$inferSelect;
