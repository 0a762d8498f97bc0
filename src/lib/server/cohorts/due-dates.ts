// A cohort's due date per module: a calendar day, or none.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { prepared } from '../db/prepared.ts';
import { cohort, cohortDueDate, cohortMember, module } from '../db/schema/index.ts';
import { recordAudit } from '../audit/log.ts';
import { DomainError } from '../errors.ts';
import { isDay } from './days.ts';

/** Sets every module's due date at once (`null` clears one); modules of another course refused. */
export function setDueDates(
	db: Db,
	{
		actorId,
		cohortId,
		dates,
		now = new Date()
	}: { actorId: string; cohortId: number; dates: Map<number, string | null>; now?: Date }
): void {
	db.transaction((tx) => {
		const c = tx.select().from(cohort).where(eq(cohort.id, cohortId)).get();
		if (!c) throw new DomainError('not_found');
		const ids = [...dates.keys()];
		const own = ids.length
			? tx
					.select({ id: module.id })
					.from(module)
					.where(and(eq(module.courseId, c.courseId), inArray(module.id, ids)))
					.all()
			: [];
		if (own.length !== ids.length) throw new DomainError('invalid_choice', 'moduleId');
		for (const [moduleId, day] of dates) {
			if (day !== null && !isDay(day)) throw new DomainError('invalid_date', `due-${moduleId}`);
			tx.delete(cohortDueDate)
				.where(and(eq(cohortDueDate.cohortId, cohortId), eq(cohortDueDate.moduleId, moduleId)))
				.run();
			if (day !== null) tx.insert(cohortDueDate).values({ cohortId, moduleId, dueOn: day }).run();
		}
		recordAudit(
			tx,
			{
				actorId,
				action: 'cohort.due_dates',
				subjectType: 'cohort',
				subjectId: String(cohortId),
				details: Object.fromEntries(dates)
			},
			now
		);
	});
}

/** A cohort's due dates, module id -> day. */
export function dueDatesOf(db: Db, cohortId: number): Map<number, string> {
	const rows = db.select().from(cohortDueDate).where(eq(cohortDueDate.cohortId, cohortId)).all();
	return new Map(rows.map((r) => [r.moduleId, r.dueOn]));
}

/**
 * A learner's due dates in a course, from every cohort they belong to: the earliest when two
 * cohorts disagree.
 */
export function learnerDueDates(
	db: Db,
	{ userId, courseId }: { userId: string; courseId: number }
): Map<number, string> {
	const rows = prepared(db, learnerDueRows).all({ userId, courseId });
	const out = new Map<number, string>();
	for (const r of rows) if (!out.has(r.moduleId)) out.set(r.moduleId, r.dueOn);
	return out;
}

const learnerDueRows = (db: Db) =>
	db
		.select({ moduleId: cohortDueDate.moduleId, dueOn: cohortDueDate.dueOn })
		.from(cohortDueDate)
		.innerJoin(cohort, eq(cohort.id, cohortDueDate.cohortId))
		.innerJoin(
			cohortMember,
			and(eq(cohortMember.cohortId, cohort.id), eq(cohortMember.userId, sql.placeholder('userId')))
		)
		.where(eq(cohort.courseId, sql.placeholder('courseId')))
		.orderBy(asc(cohortDueDate.dueOn))
		.prepare();
