// The one way into a report for a person: their access scope, the query they asked, the
// suppressed result. The page, its CSV/XLSX exports and the JSON API all call readReport, so no
// path can widen the scope or skip suppression.
import type { DbLike } from '../db/index.ts';
import type { Actor } from '../access/actor.ts';
import { reportScope } from '../access/reports.ts';
import { DomainError } from '../errors.ts';
import { parseReportQuery, type CourseScope, type ReportQuery } from './filters.ts';
import { buildReport, type Report } from './indicators.ts';

/** The report `params` ask for, as `actor` may see it (403 for someone who may see none). */
export function readReport(
	db: DbLike,
	opts: { actor: Actor; params: URLSearchParams; k: number; now?: Date }
): { scope: CourseScope; query: ReportQuery; report: Report } {
	const scope = reportScope(db, opts.actor);
	if (scope === null) throw new DomainError('forbidden');
	const query = parseReportQuery(opts.params);
	const report = buildReport(db, { ...query, scope, k: opts.k, now: opts.now });
	return { scope, query, report };
}
