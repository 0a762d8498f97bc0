// Who runs a cohort. Only trainer accounts; the last trainer can be removed only by an admin
// (a cohort nobody runs is the admins' to look after).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { cohortTrainer, user } from '../db/schema/index.ts';
import { recordAudit } from '../audit/log.ts';
import { DomainError } from '../errors.ts';

type Change = { actorId: string; cohortId: number; userId: string; now?: Date };

/** Adds a trainer account to a cohort; adding twice changes nothing. */
export function addCohortTrainer(db: Db, { actorId, cohortId, userId, now = new Date() }: Change) {
	db.transaction((tx) => {
		const target = tx.select({ role: user.role }).from(user).where(eq(user.id, userId)).get();
		if (!target) throw new DomainError('not_found', 'userId');
		if (target.role !== 'trainer') throw new DomainError('not_a_trainer', 'userId');
		const added = tx
			.insert(cohortTrainer)
			.values({ cohortId, userId, addedBy: actorId, createdAt: now })
			.onConflictDoNothing()
			.run().changes;
		if (added)
			recordAudit(
				tx,
				{
					actorId,
					action: 'cohort_trainer.add',
					subjectType: 'cohort',
					subjectId: String(cohortId),
					details: { userId }
				},
				now
			);
	});
}

/** Takes a trainer off a cohort. */
export function removeCohortTrainer(
	db: Db,
	{ actorId, cohortId, userId, now = new Date() }: Change
) {
	db.transaction((tx) => {
		const removed = tx
			.delete(cohortTrainer)
			.where(and(eq(cohortTrainer.cohortId, cohortId), eq(cohortTrainer.userId, userId)))
			.run().changes;
		if (!removed) throw new DomainError('not_found', 'userId');
		recordAudit(
			tx,
			{
				actorId,
				action: 'cohort_trainer.remove',
				subjectType: 'cohort',
				subjectId: String(cohortId),
				details: { userId }
			},
			now
		);
	});
}
