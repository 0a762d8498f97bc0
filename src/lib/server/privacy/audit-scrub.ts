import type Database from 'better-sqlite3';

const GUARD = 'audit_log_no_update';

/**
 * Removes a person's details from earlier audit entries: the address of everything they did or
 * that was about them (a sign-in lockout), and
 * the details of entries about them or their certificates (a revocation reason may name them).
 * Who did what, and when, stays. The log refuses updates (a trigger from migration 0001); the
 * trigger is lifted for this one statement and put back as it was, inside the caller's
 * transaction, so no other write can slip through while it is off.
 */
export function scrubAuditEntries(
	sql: Database.Database,
	{ userId, certificateCodes }: { userId: string; certificateCodes: string[] }
): number {
	if (!sql.inTransaction) throw new Error('scrubAuditEntries runs inside the erasure transaction');
	const guard = sql
		.prepare(`select sql from sqlite_master where type = 'trigger' and name = ?`)
		.get(GUARD) as { sql: string } | undefined;
	if (guard) sql.exec(`drop trigger ${GUARD}`);
	const codes = JSON.stringify(certificateCodes);
	const changed =
		sql
			.prepare(
				`update audit_log set ip = null where ip is not null
				   and (actor_id = ? or (subject_type = 'user' and subject_id = ?))`
			)
			.run(userId, userId).changes +
		sql
			.prepare(
				`update audit_log set details = null where details is not null and (
				   (subject_type = 'user' and subject_id = ?)
				   or (subject_type = 'certificate' and subject_id in (select value from json_each(?))))`
			)
			.run(userId, codes).changes;
	if (guard) sql.exec(guard.sql);
	return changed;
}
