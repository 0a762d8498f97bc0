// What a report counts and how it splits it. Each filter is one SQL condition on `e`, one
// enrolment's row of facts (facts.ts: the enrolment, the learner's optional fields, what they
// did); a new filter (cohort: `e.user_id IN (SELECT … FROM cohort_member …)`) is one more entry
// in `conditions`, and the access scope is applied the same way.
import { sql, type SQL } from 'drizzle-orm';
import { GENDERS, POSITIONS } from '../db/schema/index.ts';
import { DomainError } from '../errors.ts';

export const DIMENSIONS = ['governorate', 'position', 'sex', 'course'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The category of a learner who did not give the optional field (null, or "prefer not to say"). */
export const NOT_STATED = 'not-stated';

export type ReportFilter = {
	courseId?: number;
	/** Enrolment date range, inclusive, as YYYY-MM-DD (UTC days). */
	from?: string;
	to?: string;
	governorate?: string;
	position?: string;
	sex?: 'woman' | 'man' | typeof NOT_STATED;
};

/** Which courses the viewer may see figures for: all (admins, partners) or a list (trainers). */
export type CourseScope = 'all' | readonly number[];

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
export function conditions(filter: ReportFilter, scope: CourseScope): SQL[] {
	const out: SQL[] = [];
	if (scope !== 'all') {
		out.push(scope.length ? sql`e.course_id in (${sql.join([...scope], sql`, `)})` : sql`0 = 1`);
	}
	if (filter.courseId !== undefined) out.push(sql`e.course_id = ${filter.courseId}`);
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
