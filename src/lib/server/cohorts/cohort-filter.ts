// `?cohort=ID` on a course's item analysis and essay queue: narrows them to one cohort's learners,
// choosing only among the cohorts the reader runs (every cohort of the course for admins).
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { cohort, cohortMember, cohortTrainer } from '../db/schema/index.ts';
import { isAdmin, type Actor } from '../access/actor.ts';
import { DomainError } from '../errors.ts';

export type CohortChoice = { id: number; name: string };

/** The cohorts of a course the reader may narrow a page to. */
export function cohortChoices(db: Db, actor: Actor, courseId: number): CohortChoice[] {
	if (!actor) return [];
	const q = db.select({ id: cohort.id, name: cohort.name }).from(cohort);
	const rows = isAdmin(actor)
		? q.where(eq(cohort.courseId, courseId))
		: actor.role === 'trainer'
			? q
					.innerJoin(
						cohortTrainer,
						and(eq(cohortTrainer.cohortId, cohort.id), eq(cohortTrainer.userId, actor.id))
					)
					.where(eq(cohort.courseId, courseId))
			: null;
	return rows ? rows.orderBy(asc(cohort.name)).all() : [];
}

export type CohortFilter = {
	choices: CohortChoice[];
	chosen: number | null;
	/** The chosen cohort's members; null when no cohort is chosen. */
	learners: string[] | null;
};

/**
 * Reads `?cohort=`: empty means no narrowing; any other value must name one of the reader's
 * choices, else `not_found` (a cohort one does not run is not there to choose).
 */
export function readCohortFilter(
	db: Db,
	{ actor, courseId, param }: { actor: Actor; courseId: number; param: string | null }
): CohortFilter {
	const choices = cohortChoices(db, actor, courseId);
	if (param === null || param === '') return { choices, chosen: null, learners: null };
	const id = Number(param);
	if (!choices.some((c) => c.id === id)) throw new DomainError('not_found');
	const learners = db
		.select({ userId: cohortMember.userId })
		.from(cohortMember)
		.where(eq(cohortMember.cohortId, id))
		.all()
		.map((r) => r.userId);
	return { choices, chosen: id, learners };
}
