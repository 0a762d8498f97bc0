import type { Db } from '../db/index.ts';
import { recordAudit } from '../audit/log.ts';
import { DomainError } from '../errors.ts';
import { TABLE_HANDLERS, type ExportSection } from './tables.ts';

export type PersonalExport = { exportedAt: string; userId: string; sections: ExportSection[] };

/** Section keys in export order; the page labels each one and its columns. */
export const EXPORT_SECTIONS = TABLE_HANDLERS.map((h) => ({ key: h.section, columns: h.columns }));

/**
 * Everything Tamkeen holds about one person, one section per table handler (tables.ts), read in
 * one transaction so the sections agree. The export itself is audited.
 */
export function exportPersonalData(
	db: Db,
	{ userId, actorId = userId, now = new Date() }: { userId: string; actorId?: string; now?: Date }
): PersonalExport {
	const sql = db.$client;
	const sections = sql.transaction(() =>
		TABLE_HANDLERS.map((h) => ({ key: h.section, columns: h.columns, rows: h.rows(sql, userId) }))
	)();
	if (sections[0]?.rows.length !== 1) throw new DomainError('not_found');
	recordAudit(db, { actorId, action: 'user.export', subjectType: 'user', subjectId: userId }, now);
	return { exportedAt: now.toISOString(), userId, sections };
}
