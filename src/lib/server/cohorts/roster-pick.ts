// Adding one person who already has an account. A trainer does not browse accounts: they type
// a learner's full email address and get that one account, or nothing (learner accounts only,
// so staff accounts cannot be looked up or pulled into a cohort this way).
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, DbLike } from '../db/index.ts';
import { cohortMember, user } from '../db/schema/index.ts';
import { normaliseEmail } from '../input/accounts.ts';
import { addMember } from './members.ts';

export type FoundLearner = { name: string; email: string; member: boolean };

function learnerByEmail(db: DbLike, email: string) {
	return db
		.select({ id: user.id, name: user.name, email: user.email })
		.from(user)
		.where(
			and(eq(user.email, normaliseEmail(email)), eq(user.role, 'learner'), isNull(user.erasedAt))
		)
		.get();
}

/** The learner with exactly this email, and whether they are already in the cohort. */
export function findLearner(
	db: DbLike,
	{ cohortId, email }: { cohortId: number; email: string }
): FoundLearner | null {
	const u = learnerByEmail(db, email);
	if (!u) return null;
	const member = db
		.select({ userId: cohortMember.userId })
		.from(cohortMember)
		.where(and(eq(cohortMember.cohortId, cohortId), eq(cohortMember.userId, u.id)))
		.get();
	return { name: u.name, email: u.email, member: member !== undefined };
}

/** Adds the learner with this email to the cohort (and its course); null when there is none. */
export function pickLearner(
	db: Db,
	{ actorId, cohortId, email }: { actorId: string; cohortId: number; email: string }
): { name: string; added: boolean } | null {
	return db.transaction((tx) => {
		const u = learnerByEmail(tx, email);
		if (!u) return null;
		const added = addMember(tx, { cohortId, userId: u.id, method: 'picked', actorId });
		return { name: u.name, added };
	});
}
