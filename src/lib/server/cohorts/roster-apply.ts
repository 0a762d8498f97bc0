// What a roster does to a cohort, previewed then written. Re-uploading the same file changes
// nothing: known emails are matched, members stay members, and no account is created twice.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbLike } from '../db/index.ts';
import { cohortMember, user } from '../db/schema/index.ts';
import { generateId } from '../auth/token.ts';
import { recordAudit } from '../audit/log.ts';
import { issuePasswordLink, NO_PASSWORD } from '../accounts/password-links.ts';
import { addMember } from './members.ts';
import type { RosterRow } from './roster-parse.ts';

/** created: new account; updated: existing account joins; unchanged: already a member. */
export type RosterOutcome = 'created' | 'updated' | 'unchanged' | 'refused';
export type PlannedRow = RosterRow & { outcome: RosterOutcome; userId?: string };
export type RosterCounts = Record<RosterOutcome, number>;

export function countOutcomes(rows: { outcome: RosterOutcome }[]): RosterCounts {
	const counts: RosterCounts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
	for (const r of rows) counts[r.outcome] += 1;
	return counts;
}

/** What writing the rows would do, row by row, without writing anything. */
export function planRoster(
	db: DbLike,
	{ cohortId, rows }: { cohortId: number; rows: RosterRow[] }
): PlannedRow[] {
	const emails = rows.flatMap((r) => (r.person ? [r.person.email] : []));
	const known = new Map(
		(emails.length
			? db
					.select({ id: user.id, email: user.email, erasedAt: user.erasedAt })
					.from(user)
					.where(inArray(user.email, emails))
					.all()
			: []
		).map((u) => [u.email, u])
	);
	const ids = [...known.values()].map((u) => u.id);
	const members = new Set(
		(ids.length
			? db
					.select({ userId: cohortMember.userId })
					.from(cohortMember)
					.where(and(eq(cohortMember.cohortId, cohortId), inArray(cohortMember.userId, ids)))
					.all()
			: []
		).map((m) => m.userId)
	);
	return rows.map((r): PlannedRow => {
		if (!r.person) return { ...r, outcome: 'refused' };
		const u = known.get(r.person.email);
		if (u?.erasedAt) return { ...r, problems: ['roster_account_erased'], outcome: 'refused' };
		if (!u) return { ...r, outcome: 'created' };
		return { ...r, userId: u.id, outcome: members.has(u.id) ? 'unchanged' : 'updated' };
	});
}

export type PasswordLinkToHand = { name: string; email: string; locale: string; token: string };

/**
 * Writes a roster in one transaction: accounts for new emails (no password yet, with a
 * "set your password" link each), and every valid row a member of the cohort.
 */
export function applyRoster(
	db: Db,
	{
		actorId,
		cohortId,
		rows,
		locale,
		now = new Date()
	}: {
		actorId: string | null;
		cohortId: number;
		rows: RosterRow[];
		locale: 'ar' | 'fr' | 'en';
		now?: Date;
	}
): { counts: RosterCounts; links: PasswordLinkToHand[] } {
	return db.transaction((tx) => {
		const planned = planRoster(tx, { cohortId, rows });
		const links: PasswordLinkToHand[] = [];
		for (const r of planned) {
			if (r.outcome === 'refused' || r.outcome === 'unchanged' || !r.person) continue;
			let userId = r.userId;
			if (userId === undefined) {
				userId = generateId();
				tx.insert(user)
					.values({
						id: userId,
						...r.person,
						passwordHash: NO_PASSWORD,
						role: 'learner',
						locale,
						createdAt: now,
						updatedAt: now,
						erasedAt: null
					})
					.run();
				recordAudit(
					tx,
					{
						actorId,
						action: 'user.create',
						subjectType: 'user',
						subjectId: userId,
						details: { via: 'roster', cohortId }
					},
					now
				);
				const token = issuePasswordLink(tx, { userId, purpose: 'set-password', now });
				links.push({ name: r.person.name, email: r.person.email, locale, token });
			}
			addMember(tx, { cohortId, userId, method: 'roster', actorId: actorId ?? userId, now });
		}
		return { counts: countOutcomes(planned), links };
	});
}
