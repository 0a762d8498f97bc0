import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { user } from './users.ts';

/** Append-only record of who did what to what; triggers in the migrations refuse updates and deletes. */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		subjectType: text('subject_type').notNull(),
		subjectId: text('subject_id'),
		details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
		ip: text('ip')
	},
	(t) => [index('audit_subject_idx').on(t.subjectType, t.subjectId), index('audit_at_idx').on(t.at)]
);
export type AuditEntry = typeof auditLog.$inferSelect;
