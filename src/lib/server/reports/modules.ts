// Module-level pass rates: of the learners the report counts, how many submitted each module's
// quiz and how many passed it. One scan of the summary rows (facts.ts keeps, per enrolment, the
// module quizzes tried and passed as bits over the module's position), grouped by course.
// Modules are not additive (a learner counts in several), so no totals are published and only
// the primary rule applies: a count under k is hidden, and a rate from a hidden count is too.
// With a period, the differencing guard (period-guard.ts) hides a count too when another
// period could be subtracted from it down to a small number.
import { and, sql } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import type { Cell } from '../export/csv.ts';
import type { Localised } from '../text/localised.ts';
import { factsSelect, hasReportFacts } from './facts.ts';
import {
	conditions,
	monthOf,
	PERIOD_AXES,
	periodOf,
	withoutPeriod,
	type PeriodAxis,
	type ReportScope,
	type ReportFilter
} from './filters.ts';
import { periodHides, type MonthCount } from './period-guard.ts';
import type { Count } from './indicators.ts';
import { isSmall } from './suppression.ts';

export type ModuleRow = {
	courseId: number;
	position: number;
	title: Localised;
	tried: Count;
	passed: Count;
	/** passed / tried, or null when either is hidden or nobody tried. */
	passRate: number | null;
};

type ModuleInfo = {
	courseId: number;
	position: number;
	title: string;
};

/** Pass counts per module quiz (not assignments) of the courses in scope, under the filter. */
export function moduleReport(
	db: DbLike,
	opts: { filter: ReportFilter; scope: ReportScope; k: number }
): ModuleRow[] {
	const modules = db.all<ModuleInfo>(sql`
		select distinct mo.course_id as courseId, mo.position, mo.title
		from module mo join quiz q on q.module_id = mo.id
		join course c on c.id = mo.course_id
		where not mo.archived and not q.archived and q.slug not like '%.assignment'
			and mo.position between 0 and 62 and not c.archived
		order by mo.course_id, mo.position`);
	const positions = [...new Set(modules.map((m) => m.position))];
	if (!positions.length) return [];
	const bit = (column: string, p: number) =>
		sql.raw(`total((e.${column} >> ${String(p)}) & 1) as ${column}_${String(p)}`);
	const facts = hasReportFacts(db) ? sql`report_fact` : sql.raw(`(${factsSelect('1')})`);
	/** The module sums per course (and per month of `month`'s date), under `filter`. */
	const sumsOf = (filter: ReportFilter, month?: PeriodAxis) => {
		const where = and(...conditions(filter, opts.scope));
		const byMonth = month ? sql`, ${monthOf(month)}` : sql``;
		return db.all<Record<string, number | string>>(sql`select e.course_id as courseId
			${month ? sql`, ${monthOf(month)} as month` : sql``},
			${sql.join(
				positions.flatMap((p) => [bit('quiz_tried', p), bit('quiz_passed', p)]),
				sql`, `
			)}
			from ${facts} e ${where ? sql`where ${where}` : sql``} group by e.course_id${byMonth}`);
	};
	const sums = new Map(sumsOf(opts.filter).map((r) => [Number(r.courseId), r] as const));
	// Per period asked: each course's sums month by month over all time, for the guard.
	const guards = PERIOD_AXES.flatMap((axis) => {
		const period = periodOf(opts.filter, axis);
		if (period.from === undefined && period.to === undefined) return [];
		return [{ period, rows: sumsOf(withoutPeriod(opts.filter, axis), axis) }];
	});
	const guarded = (courseId: number, name: string) =>
		guards.some(({ period, rows }) =>
			periodHides(
				rows
					.filter((r) => Number(r.courseId) === courseId)
					.map((r): MonthCount => [String(r.month), Number(r[name] ?? 0)]),
				period,
				opts.k
			)
		);
	const count = (courseId: number, name: string, value: number): Count => ({
		value,
		hidden: isSmall(value, opts.k) || guarded(courseId, name)
	});
	return modules.flatMap((m) => {
		const r = sums.get(m.courseId);
		if (!r) return [];
		const name = (column: string) => `${column}_${String(m.position)}`;
		const tried = count(m.courseId, name('quiz_tried'), Number(r[name('quiz_tried')] ?? 0));
		const passed = count(m.courseId, name('quiz_passed'), Number(r[name('quiz_passed')] ?? 0));
		return [
			{
				courseId: m.courseId,
				position: m.position,
				title: JSON.parse(m.title) as Localised,
				tried,
				passed,
				passRate:
					tried.hidden || passed.hidden || tried.value === 0 ? null : passed.value / tried.value
			}
		];
	});
}

export type ModuleTableLabels = {
	header: [course: string, module: string, tried: string, passed: string, rate: string];
	course: (courseId: number) => string;
	module: (title: Localised) => string;
};

/** The rows as the page and the exports show them: hidden counts "< k", rates in percent. */
export function moduleTable(
	rows: ModuleRow[],
	k: number,
	labels: ModuleTableLabels
): { header: string[]; rows: Cell[][] } {
	const hidden = `< ${String(k)}`;
	const shown = (c: Count): Cell => (c.hidden ? hidden : c.value);
	return {
		header: [...labels.header],
		rows: rows.map((r) => [
			labels.course(r.courseId),
			labels.module(r.title),
			shown(r.tried),
			shown(r.passed),
			r.passRate === null ? null : Math.round(r.passRate * 1000) / 10
		])
	};
}
