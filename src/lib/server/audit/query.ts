import type { Db } from '../db/index.ts';

export type AuditFilter = {
	/** Part of the actor's name or email. */
	actor?: string;
	action?: string;
	/** A subject id: certificate code, user id, course id… */
	object?: string;
	/** Inclusive dates, `YYYY-MM-DD` (UTC). */
	from?: string;
	to?: string;
};

export type AuditRow = {
	id: number;
	at: string;
	action: string;
	actorName: string | null;
	actorErased: boolean;
	subjectType: string;
	subjectId: string | null;
	/** A readable name for the subject: the user's name, the course's slug; null when none. */
	subjectName: string | null;
	subjectErased: boolean;
	details: Record<string, unknown> | null;
	ip: string | null;
};

export const AUDIT_PAGE_SIZE = 50;

const DAY = 86_400_000;
const dayStart = (d: string | undefined) =>
	d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? Date.parse(`${d}T00:00:00Z`) : null;

/** Every action code the log holds, for the filter's list. */
export function auditActions(db: Db): string[] {
	return (
		db.$client.prepare('select distinct action from audit_log order by action').all() as {
			action: string;
		}[]
	).map((r) => r.action);
}

/**
 * One page of the audit log, newest first, filtered; keyset on the entry id (`before`), so page
 * 400 costs what page 1 does. `limit` 0 reads every match (the CSV export, capped).
 */
export function listAuditPage(
	db: Db,
	{
		filter = {},
		before = null,
		limit = AUDIT_PAGE_SIZE
	}: { filter?: AuditFilter; before?: number | null; limit?: number }
): { rows: AuditRow[]; next: number | null } {
	const where: string[] = [];
	const args: unknown[] = [];
	const add = (clause: string, value: unknown) => {
		where.push(clause);
		args.push(value);
	};
	const actor = filter.actor?.trim().slice(0, 200);
	if (actor) {
		where.push(`(a.name like ? escape '\\' or a.email like ? escape '\\')`);
		const like = `%${actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		args.push(like, like);
	}
	if (filter.action) add('l.action = ?', filter.action);
	if (filter.object?.trim()) add('l.subject_id = ?', filter.object.trim());
	const from = dayStart(filter.from);
	if (from !== null) add('l.at >= ?', from);
	const to = dayStart(filter.to);
	if (to !== null) add('l.at < ?', to + DAY);
	if (before !== null) add('l.id < ?', before);
	const cap = limit > 0 ? limit : 100_000;
	const rows = db.$client
		.prepare(
			`select l.id, l.at, l.action, l.subject_type, l.subject_id, l.details, l.ip,
			   a.name as actor_name, a.erased_at as actor_erased,
			   coalesce(s.name, c.slug) as subject_name, s.erased_at as subject_erased
			 from audit_log l
			 left join user a on a.id = l.actor_id
			 left join user s on l.subject_type = 'user' and s.id = l.subject_id
			 left join course c on l.subject_type = 'course' and c.id = l.subject_id
			 ${where.length ? `where ${where.join(' and ')}` : ''}
			 order by l.id desc limit ?`
		)
		.all(...args, cap + 1) as Record<string, unknown>[];
	const shown = rows.slice(0, cap).map((r): AuditRow => ({
		id: r.id as number,
		at: new Date(r.at as number).toISOString(),
		action: r.action as string,
		actorName: (r.actor_name as string | null) ?? null,
		actorErased: r.actor_erased !== null && r.actor_erased !== undefined,
		subjectType: r.subject_type as string,
		subjectId: (r.subject_id as string | null) ?? null,
		subjectName: (r.subject_name as string | null) ?? null,
		subjectErased: r.subject_erased !== null && r.subject_erased !== undefined,
		details: r.details ? (JSON.parse(r.details as string) as Record<string, unknown>) : null,
		ip: (r.ip as string | null) ?? null
	}));
	return { rows: shown, next: rows.length > cap ? (shown.at(-1)?.id ?? null) : null };
}
