import { desc } from 'drizzle-orm';
import type { Db, DbLike } from '../db/index.ts';
import { auditLog } from '../db/schema/index.ts';

export type AuditInput = {
	actorId: string | null;
	action: string;
	subjectType: string;
	subjectId?: string | null;
	details?: Record<string, unknown>;
	ip?: string | null;
};

/** Appends one entry to the audit log (the table refuses updates and deletes). */
export function recordAudit(db: DbLike, entry: AuditInput, now = new Date()): void {
	db.insert(auditLog)
		.values({
			at: now,
			actorId: entry.actorId,
			action: entry.action,
			subjectType: entry.subjectType,
			subjectId: entry.subjectId ?? null,
			details: entry.details ?? null,
			ip: entry.ip ?? null
		})
		.run();
}

/** The most recent audit entries, newest first. */
export function listAudit(db: Db, { limit = 100 }: { limit?: number } = {}) {
	return db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).all();
}
