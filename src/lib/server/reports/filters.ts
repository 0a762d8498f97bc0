// What a report counts and how it splits it. Each filter is one SQL condition on `e`, one
// enrolment's row of facts (facts.ts: the enrolment, the learner's optional fields, what they
// did); the cohort filter and a trainer's access scope go through cohort membership: an
// enrolment counts for a cohort when its learner is a member and the cohort is of its course.
//
// Periods (enrolment or completion date) are whole calendar months, YYYY-MM, UTC: a day-sized
// period could single out the few learners of one day, and whole months are what the
// differencing guard (period-guard.ts) reasons about.
import { sql, type SQL } from 'drizzle-orm';
import { GENDERS, POSITIONS } from '../db/schema/index.ts';
import { DomainError } from '../errors.ts';

export const DIMENSIONS = ['governorate', 'position', 'sex', 'course', 'cohort'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The category of a learner who did not give the optional field (null, or "prefer not to say"). */
export const NOT_STATED = 'not-stated';

/**
 * The cohort category of an enrolment whose learner is in no cohort of the course. A learner in
 * two cohorts of the course counts in both, so a breakdown by cohort is not additive: its totals
 * are counted without the dimension (indicators.ts), never summed.
 */
export const NO_COHORT = 'no-cohort';

/** The two dates a period can be about, and the query fields of each (first, last month). */
export const PERIODS = {
	enrolled: ['from', 'to'],
	completed: ['completedFrom', 'completedTo']
} as const;
export type PeriodAxis = keyof typeof PERIODS;
export const PERIOD_AXES = Object.keys(PERIODS) as PeriodAxis[];
/** A filter's period on one axis: first and last month, inclusive, either open. */
export type Period = { from?: string; to?: string };

export type ReportFilter = {
	courseId?: number;
	/** Only the members of this cohort, in its course (readReport checks the reader may ask). */
	cohortId?: number;
	/** Enrolment months, first and last, inclusive, as YYYY-MM (UTC). */
	from?: string;
	to?: string;
	/** Completion months (when the last active lesson was completed), inclusive, as YYYY-MM. */
	completedFrom?: string;
	completedTo?: string;
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
		case 'cohort':
			return sql`coalesce(cast(mc.cohort_id as text), ${NO_COHORT})`;
	}
}

/**
 * The cohorts of each enrolment, as `mc` (one row per cohort, none → null), for the cohort
 * dimension: only the cohorts the scope shows (a trainer's own) and, with a cohort filter, that one.
 */
export function cohortJoin(filter: ReportFilter, scope: ReportScope): SQL {
	const only = [
		...(scope === 'all' ? [] : [sql`co.id in (${sql.join([...scope.cohorts, -1], sql`, `)})`]),
		...(filter.cohortId === undefined ? [] : [sql`co.id = ${filter.cohortId}`])
	];
	return sql`left join (select cm.user_id, co.course_id, co.id as cohort_id from cohort_member cm
		join cohort co on co.id = cm.cohort_id ${only.length ? sql`where ${sql.join(only, sql` and `)}` : sql``}) mc
		on mc.user_id = e.user_id and mc.course_id = e.course_id`;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The first instant (ms, UTC) of a YYYY-MM month, or of the month `plus` months later. */
export function monthStart(month: string, plus = 0): number {
	const [, year, mon] = MONTH.exec(month) ?? [];
	return Date.UTC(Number(year), Number(mon) - 1 + plus, 1);
}

/** The SQL column of a period's date in the facts (`e`). */
const periodColumn = (axis: PeriodAxis) =>
	axis === 'enrolled' ? sql`e.enrolled_at` : sql`e.completed_at`;

/** The month (YYYY-MM, UTC) of an axis's date per enrolment; '' for never (not completed). */
export const monthOf = (axis: PeriodAxis): SQL =>
	sql`coalesce(strftime('%Y-%m', ${periodColumn(axis)} / 1000, 'unixepoch'), '')`;

/** A filter's period on `axis`. */
export const periodOf = (filter: ReportFilter, axis: PeriodAxis): Period => ({
	from: filter[PERIODS[axis][0]],
	to: filter[PERIODS[axis][1]]
});

/** Whether a month (YYYY-MM, or '' for never) is one of a period's months. */
export const inPeriod = (month: string, period: Period) =>
	month !== '' &&
	(period.from === undefined || month >= period.from) &&
	(period.to === undefined || month <= period.to);

/** The filter without its period on `axis` (what the differencing guard compares it with). */
export function withoutPeriod(filter: ReportFilter, axis: PeriodAxis): ReportFilter {
	const [from, to] = PERIODS[axis];
	return Object.fromEntries(Object.entries(filter).filter(([key]) => key !== from && key !== to));
}

/**
 * Reads one period from its two query values (the one home of the rule, for the page, the
 * exports and the API): each a month YYYY-MM (years 1970–9999), the first not after the last.
 * A bad month is `report_period_invalid`, an order the wrong way `report_period_order`, each
 * naming the field.
 */
export function parsePeriod(axis: PeriodAxis, values: { from?: string; to?: string }): Period {
	const [fromField, toField] = PERIODS[axis];
	const out: Period = {};
	for (const [name, field] of [
		['from', fromField],
		['to', toField]
	] as const) {
		const value = values[name];
		if (value === undefined) continue;
		const year = Number(MONTH.exec(value)?.[1]);
		if (!(year >= 1970)) throw new DomainError('report_period_invalid', field);
		out[name] = value;
	}
	if (out.from !== undefined && out.to !== undefined && out.from > out.to)
		throw new DomainError('report_period_order', toField);
	return out;
}

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
	for (const axis of PERIOD_AXES) {
		const { from, to } = periodOf(filter, axis);
		if (from) out.push(sql`${periodColumn(axis)} >= ${monthStart(from)}`);
		if (to) out.push(sql`${periodColumn(axis)} < ${monthStart(to, 1)}`);
	}
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
	for (const axis of PERIOD_AXES) {
		const [fromField, toField] = PERIODS[axis];
		const period = parsePeriod(axis, { from: text(fromField), to: text(toField) });
		if (period.from !== undefined) filter[fromField] = period.from;
		if (period.to !== undefined) filter[toField] = period.to;
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
