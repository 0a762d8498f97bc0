// The one SQL aggregation behind every report: one row per enrolment (the learner's optional
// fields and what they did, from facts.ts), grouped by the breakdown's categories. Only sums
// leave the database; margins are sums of cells (counts and the paired sums are additive).
import { and, sql, type SQL } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import {
	category,
	cohortJoin,
	conditions,
	monthOf,
	type PeriodAxis,
	type ReportScope,
	type Dimension,
	type ReportFilter
} from './filters.ts';
import { factsSelect, hasReportFacts } from './facts.ts';
import type { PairedSums } from './statistics.ts';

export type Counts = PairedSums & {
	enrolled: number;
	started: number;
	completed: number;
	certified: number;
	womenEnrolled: number;
	womenCertified: number;
};

export type CellRow = { keys: string[]; counts: Counts };

type Raw = Record<string, number | string | null>;

/**
 * Sums per cell of the breakdown (one cell, keys [], without one), under the filter and scope.
 * With `month`, each cell is split by the month of that date too (its key last: YYYY-MM, or ''
 * for never), for the period guard. A cohort breakdown counts an enrolment once per cohort.
 */
export function aggregateCells(
	db: DbLike,
	opts: { filter: ReportFilter; scope: ReportScope; breakdown: Dimension[]; month?: PeriodAxis }
): CellRow[] {
	const where = and(...conditions(opts.filter, opts.scope));
	const dims: SQL[] = opts.breakdown.map(category);
	if (opts.month) dims.push(monthOf(opts.month));
	const keys = dims.map((d, i) => sql`${d} as ${sql.raw(`k${i}`)}`);
	const groupBy = dims.map((_, i) => sql.raw(`k${i}`));
	const join = opts.breakdown.includes('cohort') ? cohortJoin(opts.filter, opts.scope) : sql``;
	// The summary table when it exists; otherwise the same facts computed inline (slow at scale).
	const facts = hasReportFacts(db) ? sql`report_fact` : sql.raw(`(${factsSelect('1')})`);
	const query: SQL = sql`
		with b as (
			select ${sql.join(keys, sql`, `)}${keys.length ? sql`, ` : sql``}e.gender, e.started,
				e.completed, e.certified, e.pre, e.fin, e.fin - e.pre as gain
			from ${facts} e ${join} ${where ? sql`where ${where}` : sql``}
		)
		select ${sql.join([...groupBy, sql`count(*) as enrolled`], sql`, `)},
			total(started) as started, total(completed) as completed, total(certified) as certified,
			total(gender = 'woman') as womenEnrolled,
			total(gender = 'woman' and certified) as womenCertified,
			total(gain is not null) as paired,
			total(gain > 0) as improved,
			total(case when gain is not null then pre end) as sumPre,
			total(case when gain is not null then fin end) as sumFinal,
			total(gain) as sumGain, total(gain * gain) as sumGain2
		from b ${groupBy.length ? sql`group by ${sql.join(groupBy, sql`, `)}` : sql``}`;
	const rows = db.all<Raw>(query);
	return rows
		.filter((r) => Number(r.enrolled) > 0)
		.map((r) => ({
			keys: dims.map((_, i) => String(r[`k${i}`])),
			counts: {
				enrolled: Number(r.enrolled),
				started: Number(r.started),
				completed: Number(r.completed),
				certified: Number(r.certified),
				womenEnrolled: Number(r.womenEnrolled),
				womenCertified: Number(r.womenCertified),
				paired: Number(r.paired),
				improved: Number(r.improved),
				sumPre: Number(r.sumPre),
				sumFinal: Number(r.sumFinal),
				sumGain: Number(r.sumGain),
				sumGain2: Number(r.sumGain2)
			}
		}));
}
