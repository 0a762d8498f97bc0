// The one way into a report for a person: their access scope, the query they asked, the
// suppressed result. The page, its CSV/XLSX exports and the JSON API all call readReport, so no
// path can widen the scope or skip suppression.
import { asc, inArray } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import { cohort } from '../db/schema/index.ts';
import type { Actor } from '../access/actor.ts';
import { cohortStaff } from '../access/cohorts.ts';
import { canReportOnCohort, reportScope } from '../access/reports.ts';
import { DomainError } from '../errors.ts';
import { parseReportQuery, type ReportQuery, type ReportScope } from './filters.ts';
import { buildReport, type Report } from './indicators.ts';

/**
 * The report `params` ask for, as `actor` may see it (403 for someone who may see none; a
 * cohort they may not report on is not found, 404, so cohort ids cannot be probed).
 */
export function readReport(
	db: DbLike,
	opts: { actor: Actor; params: URLSearchParams; k: number; now?: Date }
): { scope: ReportScope; query: ReportQuery; report: Report } {
	const scope = reportScope(db, opts.actor);
	if (scope === null) throw new DomainError('forbidden');
	const query = parseReportQuery(opts.params);
	const cohortId = query.filter.cohortId;
	if (cohortId !== undefined) {
		const staff = cohortStaff(db, cohortId);
		if (!staff || !canReportOnCohort(opts.actor, staff)) throw new DomainError('not_found');
	}
	const report = buildReport(db, { ...query, scope, k: opts.k, now: opts.now });
	return { scope, query, report };
}

export type ReportCohort = { id: number; name: string; courseId: number };

/** The cohorts a report can be narrowed to: every one, or the trainer's own. */
export function reportCohorts(db: DbLike, scope: ReportScope): ReportCohort[] {
	if (scope !== 'all' && !scope.cohorts.length) return [];
	const q = db.select({ id: cohort.id, name: cohort.name, courseId: cohort.courseId }).from(cohort);
	return (scope === 'all' ? q : q.where(inArray(cohort.id, [...scope.cohorts])))
		.orderBy(asc(cohort.name), asc(cohort.id))
		.all();
}
