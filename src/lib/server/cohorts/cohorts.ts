// Opening, editing and listing cohorts. Every change is audit-logged in its transaction.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbLike } from '../db/index.ts';
import {
	cohort,
	cohortMember,
	cohortTrainer,
	course,
	governorate,
	municipality,
	user,
	type Cohort
} from '../db/schema/index.ts';
import { recordAudit } from '../audit/log.ts';
import { DomainError } from '../errors.ts';
import { isAdmin, type Actor } from '../access/actor.ts';
import { isDay } from './days.ts';

export type CohortInput = {
	name: string;
	governorateId?: string | undefined;
	municipalityId?: string | undefined;
	startsOn?: string | undefined;
	endsOn?: string | undefined;
};

/** Checks what a form's types cannot: real dates in order, a municipality of the governorate. */
function checkedValues(db: DbLike, input: CohortInput) {
	for (const field of ['startsOn', 'endsOn'] as const) {
		const v = input[field];
		if (v !== undefined && !isDay(v)) throw new DomainError('invalid_date', field);
	}
	if (input.startsOn && input.endsOn && input.endsOn < input.startsOn)
		throw new DomainError('dates_out_of_order', 'endsOn');
	const governorateId = input.governorateId ?? null;
	if (
		governorateId &&
		!db.select().from(governorate).where(eq(governorate.id, governorateId)).get()
	)
		throw new DomainError('invalid_choice', 'governorateId');
	const municipalityId = input.municipalityId ? Number(input.municipalityId) : null;
	if (municipalityId !== null) {
		const m = db.select().from(municipality).where(eq(municipality.id, municipalityId)).get();
		if (!m) throw new DomainError('invalid_choice', 'municipalityId');
		if (m.governorateId !== governorateId)
			throw new DomainError('municipality_mismatch', 'municipalityId');
	}
	return {
		name: input.name,
		governorateId,
		municipalityId,
		startsOn: input.startsOn ?? null,
		endsOn: input.endsOn ?? null
	};
}

function nameTaken(db: DbLike, courseId: number, name: string, except?: number): boolean {
	const row = db
		.select({ id: cohort.id })
		.from(cohort)
		.where(and(eq(cohort.courseId, courseId), sql`${cohort.name} = ${name} COLLATE NOCASE`))
		.get();
	return row !== undefined && row.id !== except;
}

/** Opens a cohort; a trainer who opens one runs it. Names are unique within a course. */
export function createCohort(
	db: Db,
	{
		actor,
		courseId,
		input,
		now = new Date()
	}: { actor: NonNullable<Actor>; courseId: number; input: CohortInput; now?: Date }
): Cohort {
	return db.transaction((tx) => {
		if (!tx.select({ id: course.id }).from(course).where(eq(course.id, courseId)).get())
			throw new DomainError('not_found', 'courseId');
		const values = checkedValues(tx, input);
		if (nameTaken(tx, courseId, values.name)) throw new DomainError('cohort_name_taken', 'name');
		const row = tx
			.insert(cohort)
			.values({ ...values, courseId, createdBy: actor.id, createdAt: now, updatedAt: now })
			.returning()
			.get();
		if (actor.role === 'trainer')
			tx.insert(cohortTrainer)
				.values({ cohortId: row.id, userId: actor.id, addedBy: actor.id, createdAt: now })
				.run();
		recordAudit(
			tx,
			{
				actorId: actor.id,
				action: 'cohort.create',
				subjectType: 'cohort',
				subjectId: String(row.id),
				details: { courseId, name: row.name }
			},
			now
		);
		return row;
	});
}

/** Changes a cohort's name, place and dates. */
export function updateCohort(
	db: Db,
	{
		actorId,
		cohortId,
		input,
		now = new Date()
	}: { actorId: string; cohortId: number; input: CohortInput; now?: Date }
): Cohort {
	return db.transaction((tx) => {
		const existing = tx.select().from(cohort).where(eq(cohort.id, cohortId)).get();
		if (!existing) throw new DomainError('not_found');
		const values = checkedValues(tx, input);
		if (nameTaken(tx, existing.courseId, values.name, cohortId))
			throw new DomainError('cohort_name_taken', 'name');
		const row = tx
			.update(cohort)
			.set({ ...values, updatedAt: now })
			.where(eq(cohort.id, cohortId))
			.returning()
			.get();
		recordAudit(
			tx,
			{ actorId, action: 'cohort.update', subjectType: 'cohort', subjectId: String(cohortId) },
			now
		);
		return row;
	});
}

export function getCohort(db: DbLike, cohortId: number): Cohort | null {
	return db.select().from(cohort).where(eq(cohort.id, cohortId)).get() ?? null;
}

/** The slug of a cohort's course, for links to the course's analysis and essay queue. */
export function cohortCourseSlug(db: DbLike, courseId: number): string {
	return (
		db.select({ slug: course.slug }).from(course).where(eq(course.id, courseId)).get()?.slug ?? ''
	);
}

export type CohortListItem = Cohort & { courseSlug: string; members: number };

/** The cohorts `actor` runs (every cohort for admins), with their member counts. */
export function listCohorts(db: Db, actor: NonNullable<Actor>): CohortListItem[] {
	const members = db
		.select({ cohortId: cohortMember.cohortId, n: sql<number>`count(*)`.as('n') })
		.from(cohortMember)
		.groupBy(cohortMember.cohortId)
		.as('members');
	const q = db
		.select({ c: cohort, courseSlug: course.slug, members: sql<number>`coalesce(${members.n}, 0)` })
		.from(cohort)
		.innerJoin(course, eq(course.id, cohort.courseId))
		.leftJoin(members, eq(members.cohortId, cohort.id));
	const mine = isAdmin(actor)
		? q
		: q.where(
				inArray(
					cohort.id,
					db
						.select({ id: cohortTrainer.cohortId })
						.from(cohortTrainer)
						.where(eq(cohortTrainer.userId, actor.id))
				)
			);
	return mine
		.orderBy(asc(course.slug), asc(cohort.name))
		.all()
		.map((r) => ({ ...r.c, courseSlug: r.courseSlug, members: r.members }));
}

/** A cohort's trainers, by name. */
export function listCohortTrainers(db: DbLike, cohortId: number) {
	return db
		.select({ id: user.id, name: user.name, email: user.email })
		.from(cohortTrainer)
		.innerJoin(user, eq(user.id, cohortTrainer.userId))
		.where(eq(cohortTrainer.cohortId, cohortId))
		.orderBy(asc(user.name))
		.all();
}
