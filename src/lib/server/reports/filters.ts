// What a report counts and how it splits it. Each filter is one SQL condition on `e`, one
// enrolment's row of facts (facts.ts: the enrolment, the learner's optional fields, what they
// did); the cohort filter and a trainer's access scope go through cohort membership: an
// enrolment counts for a cohort when its learner is a member and the cohort is of its course.
import { sql, type SQL } from 'drizzle-orm';
import { GENDERS, POSITIONS } from '../db/schema/index.ts';
import { DomainError } from '../errors.ts';

export const DIMENSIONS = ['governorate', 'position', 'sex', 'course'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The category of a learner who did not give the optional field (null, or "prefer not to say"). */
export const NOT_STATED = 'not-stated';

export type ReportFilter = {
	courseId?: number;
	/** Only the members of this cohort, in its course (readReport checks the reader may ask). */
	cohortId?: number;
	/** Enrolment date range, inclusive, as YYYY-MM-DD (UTC days). */
	from?: string;
	to?: string;
	governorate?: string;
	position?: string;
	sex?: 'woman' | 'man' | typeof NOT_STATED;
};

/**
 * Whose figures the viewer may see: all (admins, partners), or a trainer's: the members of the
 * cohorts they run, each in its cohort's course (`courses` lists those courses, for the form).
 */
export type ReportScope = 'all' | { cohorts: readonly number[]; courses: readonly number[] };

/** Whether a course is one the scope shows figures for. */
export const inScope = (scope: ReportScope, courseId: number) =>
	scope === 'all' || scope.courses.includes(courseId);

/** The enrolment's learner is a member of one of `cohorts`, a cohort of the enrolment's course. */
const throughCohorts = (cohorts: readonly number[]) =>
	sql`exists (select 1 from cohort_member cm join cohort co on co.id = cm.cohort_id
		where cm.user_id = e.user_id and co.course_id = e.course_id
		and cm.cohort_id in (${sql.join([...cohorts], sql`, `)}))`;

/** The SQL expression of a dimension's category, one row per enrolment; not stated → NOT_STATED. */
export function category(d: Dimension): SQL {
	switch (d) {
		case 'governorate':
			return sql`coalesce(e.governorate_id, ${NOT_STATED})`;
		case 'position':
			return sql`coalesce(e.position, ${NOT_STATED})`;
		case 'sex':
			return sql`case when e.gender in ('woman', 'man') then e.gender else ${NOT_STATED} end`;
		case 'course':
			return sql`cast(e.course_id as text)`;
	}
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The WHERE conditions of a filter and an access scope (all of them hold). */
export function conditions(filter: ReportFilter, scope: ReportScope): SQL[] {
	const out: SQL[] = [];
	if (scope !== 'all') {
		if (!scope.cohorts.length) return [sql`0 = 1`];
		out.push(sql`e.course_id in (${sql.join([...scope.courses], sql`, `)})`);
		out.push(throughCohorts(scope.cohorts));
	}
	if (filter.courseId !== undefined) out.push(sql`e.course_id = ${filter.courseId}`);
	if (filter.cohortId !== undefined) out.push(throughCohorts([filter.cohortId]));
	if (filter.from) out.push(sql`e.enrolled_at >= ${dayStart(filter.from)}`);
	if (filter.to) out.push(sql`e.enrolled_at < ${dayStart(filter.to) + 86_400_000}`);
	for (const d of ['governorate', 'position', 'sex'] as const) {
		const value = filter[d];
		if (value !== undefined) out.push(sql`${category(d)} = ${value}`);
	}
	return out;
}

export type ReportQuery = { filter: ReportFilter; breakdown: Dimension[] };

/** Reads a report's filter and breakdown from a query string; a bad value is a 400, never a 500. */
export function parseReportQuery(params: URLSearchParams): ReportQuery {
	// An empty field (the form's "all" choice) is no filter.
	const text = (name: string) => {
		const value = params.get(name)?.trim();
		return value === '' ? undefined : value;
	};
	const filter: ReportFilter = {};
	const course = text('course');
	if (course !== undefined) {
		if (!/^\d+$/.test(course)) throw new DomainError('invalid_choice', 'course');
		filter.courseId = Number(course);
	}
	const cohort = text('cohort');
	if (cohort !== undefined) {
		if (!/^\d{1,15}$/.test(cohort)) throw new DomainError('invalid_choice', 'cohort');
		filter.cohortId = Number(cohort);
	}
	for (const name of ['from', 'to'] as const) {
		const day = text(name);
		if (day === undefined) continue;
		if (!DAY.test(day) || Number.isNaN(dayStart(day)))
			throw new DomainError('invalid_choice', name);
		filter[name] = day;
	}
	const gov = text('governorate');
	if (gov !== undefined) {
		if (gov !== NOT_STATED && !/^TN-\d{2}$/.test(gov))
			throw new DomainError('invalid_choice', 'governorate');
		filter.governorate = gov;
	}
	const position = text('position');
	if (position !== undefined) {
		if (position !== NOT_STATED && !(POSITIONS as readonly string[]).includes(position))
			throw new DomainError('invalid_choice', 'position');
		filter.position = position;
	}
	const sex = text('sex');
	if (sex !== undefined) {
		if (sex !== 'woman' && sex !== 'man' && sex !== NOT_STATED)
			throw new DomainError('invalid_choice', 'sex');
		filter.sex = sex;
	}
	const breakdown: Dimension[] = [];
	for (const name of ['by', 'by2'] as const) {
		const d = text(name);
		if (d === undefined) continue;
		if (!(DIMENSIONS as readonly string[]).includes(d))
			throw new DomainError('invalid_choice', name);
		if (!breakdown.includes(d as Dimension)) breakdown.push(d as Dimension);
	}
	return { filter, breakdown };
}

/** Genders a learner may state; "unspecified" counts as not stated. */
export const STATED_SEXES = GENDERS.filter((g) => g !== 'unspecified');
