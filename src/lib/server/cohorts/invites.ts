// Join codes: short, random, shown again to the trainer (so stored as is, not hashed: it is
// shared with a whole group, like a classroom code). A code expires, can be revoked, and may
// cap how many join with it.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { cohort, cohortInvite, course, type CohortInvite } from '../db/schema/index.ts';
import { recordAudit } from '../audit/log.ts';
import { DomainError } from '../errors.ts';
import { addMember } from './members.ts';

// No 0/O, 1/I/L: codes are read aloud and copied by hand.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

/** A random join code (about 49 bits). */
export function generateJoinCode(): string {
	const bytes = new Uint8Array(CODE_LENGTH);
	crypto.getRandomValues(bytes);
	// 256 % 31 leaves a bias under 4 % per letter: harmless for a code that expires.
	return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** Codes as people type them: any case, spaces and dashes ignored. */
export function normaliseJoinCode(text: string): string {
	return text.toUpperCase().replace(/[\s-]/g, '');
}

export function createInvite(
	db: Db,
	{
		actorId,
		cohortId,
		days,
		capacity,
		now = new Date()
	}: { actorId: string; cohortId: number; days: number; capacity: number | null; now?: Date }
): CohortInvite {
	return db.transaction((tx) => {
		const row = tx
			.insert(cohortInvite)
			.values({
				cohortId,
				code: generateJoinCode(),
				expiresAt: new Date(now.getTime() + days * 86_400_000),
				capacity,
				createdBy: actorId,
				createdAt: now
			})
			.returning()
			.get();
		recordAudit(
			tx,
			{
				actorId,
				action: 'cohort_invite.create',
				subjectType: 'cohort',
				subjectId: String(cohortId),
				details: { inviteId: row.id, days, capacity }
			},
			now
		);
		return row;
	});
}

/** Revokes one of a cohort's codes; revoking twice is a conflict. */
export function revokeInvite(
	db: Db,
	{
		actorId,
		cohortId,
		inviteId,
		now = new Date()
	}: { actorId: string; cohortId: number; inviteId: number; now?: Date }
): void {
	db.transaction((tx) => {
		const inv = tx
			.select()
			.from(cohortInvite)
			.where(and(eq(cohortInvite.id, inviteId), eq(cohortInvite.cohortId, cohortId)))
			.get();
		if (!inv) throw new DomainError('not_found');
		if (inv.revokedAt) throw new DomainError('already_revoked');
		tx.update(cohortInvite).set({ revokedAt: now }).where(eq(cohortInvite.id, inviteId)).run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'cohort_invite.revoke',
				subjectType: 'cohort',
				subjectId: String(cohortId),
				details: { inviteId }
			},
			now
		);
	});
}

export function listInvites(db: Db, cohortId: number): CohortInvite[] {
	return db
		.select()
		.from(cohortInvite)
		.where(eq(cohortInvite.cohortId, cohortId))
		.orderBy(desc(cohortInvite.createdAt))
		.all();
}

export type InviteState = 'open' | 'expired' | 'revoked' | 'full';

export function inviteState(inv: CohortInvite, now = new Date()): InviteState {
	if (inv.revokedAt) return 'revoked';
	if (inv.expiresAt.getTime() <= now.getTime()) return 'expired';
	if (inv.capacity !== null && inv.usedCount >= inv.capacity) return 'full';
	return 'open';
}

/** What the join page shows before anyone signs in: the cohort and course, or why not. */
export function lookUpInvite(db: Db, code: string, now = new Date()) {
	const row = db
		.select({ inv: cohortInvite, cohortName: cohort.name, courseSlug: course.slug })
		.from(cohortInvite)
		.innerJoin(cohort, eq(cohort.id, cohortInvite.cohortId))
		.innerJoin(course, eq(course.id, cohort.courseId))
		.where(eq(cohortInvite.code, normaliseJoinCode(code)))
		.get();
	if (!row) return null;
	return { ...row, state: inviteState(row.inv, now) };
}

export const REFUSAL: Record<Exclude<InviteState, 'open'>, string> = {
	expired: 'join_code_expired',
	revoked: 'join_code_revoked',
	full: 'join_code_full'
};

/**
 * Joins the signed-in user to the code's cohort and enrols them in its course. Joining again
 * is harmless and does not use a place.
 */
export function joinWithCode(
	db: Db,
	{ userId, code, now = new Date() }: { userId: string; code: string; now?: Date }
): { cohortId: number; courseSlug: string; joined: boolean } {
	return db.transaction((tx) => {
		const row = tx
			.select({ inv: cohortInvite, courseSlug: course.slug })
			.from(cohortInvite)
			.innerJoin(cohort, eq(cohort.id, cohortInvite.cohortId))
			.innerJoin(course, eq(course.id, cohort.courseId))
			.where(eq(cohortInvite.code, normaliseJoinCode(code)))
			.get();
		if (!row) throw new DomainError('join_code_unknown');
		const { inv } = row;
		const state = inviteState(inv, now);
		const joined =
			state === 'open' || state === 'full'
				? addMember(tx, { cohortId: inv.cohortId, userId, method: 'code', actorId: userId, now })
				: false;
		// A member following the link again is let through even when the code has since filled.
		if (!joined && state !== 'open' && state !== 'full') throw new DomainError(REFUSAL[state]);
		if (joined && state === 'full') throw new DomainError('join_code_full');
		if (joined) {
			const used = tx
				.update(cohortInvite)
				.set({ usedCount: sql`${cohortInvite.usedCount} + 1` })
				.where(
					and(
						eq(cohortInvite.id, inv.id),
						isNull(cohortInvite.revokedAt),
						sql`(${cohortInvite.capacity} IS NULL OR ${cohortInvite.usedCount} < ${cohortInvite.capacity})`
					)
				)
				.run().changes;
			if (!used) throw new DomainError('join_code_full');
		}
		return { cohortId: inv.cohortId, courseSlug: row.courseSlug, joined };
	});
}
