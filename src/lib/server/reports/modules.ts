// Module-level pass rates: of the learners the report counts, how many submitted each module's
// quiz and how many passed it. One scan of the summary rows (facts.ts keeps, per enrolment, the
// module quizzes tried and passed as bits over the module's position), grouped by course.
// Modules are not additive (a learner counts in several), so no totals are published and only
// the primary rule applies: a count under k is hidden, and a rate from a hidden count is too.
import { and, sql, type SQL } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import type { Cell } from '../export/csv.ts';
import type { Localised } from '../text/localised.ts';
import { factsSelect, hasReportFacts } from './facts.ts';
import { conditions, type ReportScope, type ReportFilter } from './filters.ts';
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
	const where = and(...conditions(opts.filter, opts.scope));
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
	const query: SQL = sql`select e.course_id as courseId,
		${sql.join(
			positions.flatMap((p) => [bit('quiz_tried', p), bit('quiz_passed', p)]),
			sql`, `
		)}
		from ${facts} e ${where ? sql`where ${where}` : sql``} group by e.course_id`;
	const sums = new Map(
		db.all<Record<string, number>>(query).map((r) => [Number(r.courseId), r] as const)
	);
	const count = (value: number): Count => ({ value, hidden: isSmall(value, opts.k) });
	return modules.flatMap((m) => {
		const r = sums.get(m.courseId);
		if (!r) return [];
		const tried = count(r[`quiz_tried_${String(m.position)}`] ?? 0);
		const passed = count(r[`quiz_passed_${String(m.position)}`] ?? 0);
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
