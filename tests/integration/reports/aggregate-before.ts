// The report aggregation as it was before the summary table (report_fact), kept verbatim
// apart from the dimension expressions (now on `e`), so the optimised one can be checked
// against it.
import { and, sql, type SQL } from 'drizzle-orm';
import type { DbLike } from '../../../src/lib/server/db/index.ts';
import {
	category,
	conditions,
	type ReportScope,
	type Dimension,
	type ReportFilter
} from '../../../src/lib/server/reports/filters.ts';
import type { CellRow } from '../../../src/lib/server/reports/aggregate.ts';

// Paired learners follow quiz/knowledge-gain.ts: the submitted pre-test of the course's `final`
// quiz against the best submitted final attempt, both with a percentage.
const PER_ENROLMENT = sql`u.gender,
		exists (select 1 from lesson_progress lp
			join lesson l on l.id = lp.lesson_id join module mo on mo.id = l.module_id
			where lp.user_id = e.user_id and mo.course_id = e.course_id) as started,
		(exists (select 1 from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived)
		and not exists (select 1 from lesson l join module mo on mo.id = l.module_id
			where mo.course_id = e.course_id and not l.archived and not mo.archived
			and not exists (select 1 from lesson_progress lp where lp.user_id = e.user_id
				and lp.lesson_id = l.id and lp.completed_at is not null))) as completed,
		exists (select 1 from certificate c where c.user_id = e.user_id
			and c.course_id = e.course_id and c.revoked_at is null) as certified,
		(select a.percentage from quiz_attempt a join quiz q on q.id = a.quiz_id
			where q.course_id = e.course_id and q.slug = 'final' and a.user_id = e.user_id
			and a.kind = 'pretest' and a.submitted_at is not null and a.percentage is not null
			order by a.id limit 1) as pre,
		(select max(a.percentage) from quiz_attempt a join quiz q on q.id = a.quiz_id
			where q.course_id = e.course_id and q.slug = 'final' and a.user_id = e.user_id
			and a.kind = 'attempt' and a.submitted_at is not null) as fin`;

type Raw = Record<string, number | string | null>;

/** Sums per cell of the breakdown (one cell, keys [], without one), under the filter and scope. */
export function aggregateCellsBefore(
	db: DbLike,
	opts: { filter: ReportFilter; scope: ReportScope; breakdown: Dimension[] }
): CellRow[] {
	const where = and(...conditions(opts.filter, opts.scope));
	const keys = opts.breakdown.map((d, i) => sql`${category(d)} as ${sql.raw(`k${i}`)}`);
	const groupBy = opts.breakdown.map((_, i) => sql.raw(`k${i}`));
	const query: SQL = sql`
		with x as (
			select ${sql.join([...keys, PER_ENROLMENT], sql`, `)}
			from (select e0.*, u.gender, u.position, u.governorate_id from enrolment e0
				join user u on u.id = e0.user_id) e join user u on u.id = e.user_id
			${where ? sql`where ${where}` : sql``}
		), b as (select *, fin - pre as gain from x)
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
			keys: opts.breakdown.map((_, i) => String(r[`k${i}`])),
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
