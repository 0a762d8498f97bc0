import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages';
import { DomainError } from '$lib/server/errors';
import { cohortOverview } from '$lib/server/cohorts/overview';
import { cohortAttempts } from '$lib/server/cohorts/cohort-attempts';
import { toCsv, type Cell } from '$lib/server/export/csv';
import { toXlsx } from '$lib/server/export/xlsx';
import { localeOrder, localText } from '$lib/server/text/localised';
import { runCohort } from '../cohort.server';

const TABLES = ['grid', 'attempts'] as const;
const FORMATS = ['csv', 'xlsx'] as const;
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const pct = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/**
 * The cohort's grid or attempts as CSV (UTF-8 with BOM) or XLSX (right to left in Arabic),
 * `?table=grid|attempts&format=csv|xlsx`; the file is named after the cohort and the day.
 */
export const GET: RequestHandler = async (event) => {
	const { cohort } = runCohort(event);
	const { db } = event.locals.ctx;
	const table = event.url.searchParams.get('table') as (typeof TABLES)[number];
	const format = event.url.searchParams.get('format') as (typeof FORMATS)[number];
	if (!TABLES.includes(table)) throw new DomainError('invalid_choice', 'table');
	if (!FORMATS.includes(format)) throw new DomainError('invalid_choice', 'format');
	const locale = event.locals.locale;
	const t = (msg: (i: object, o: { locale: typeof locale }) => string) => msg({}, { locale });
	const order = localeOrder(locale);
	const yesNo = (v: boolean | null) => (v === null ? null : v ? t(m.cohort_yes) : t(m.cohort_no));
	let rows: Cell[][];
	if (table === 'grid') {
		const o = cohortOverview(db, { cohortId: cohort.id, courseId: cohort.courseId });
		rows = [
			[
				t(m.cohort_col_learner),
				t(m.cohort_col_email),
				...o.modules.flatMap((mod) => {
					const title = localText(mod.title, order);
					return [
						`${title}: ${t(m.cohort_learner_lessons)}`,
						...(mod.hasQuiz ? [`${title}: ${t(m.cohort_col_score)}`] : [])
					];
				}),
				t(m.cohort_col_last),
				t(m.cohort_total_completed),
				t(m.cohort_total_certified)
			],
			...o.rows.map((r) => [
				r.name,
				r.email,
				...r.cells.flatMap((c, i) =>
					o.modules[i]?.hasQuiz ? [c.lessonsDone, pct(c.best)] : [c.lessonsDone]
				),
				day(r.lastActivity),
				yesNo(r.completed),
				yesNo(r.certified)
			])
		];
	} else {
		rows = [
			[
				t(m.cohort_col_learner),
				t(m.cohort_col_email),
				t(m.cohort_col_quiz),
				t(m.cohort_col_kind),
				t(m.cohort_col_submitted),
				t(m.cohort_col_score),
				t(m.cohort_col_passed)
			],
			...cohortAttempts(db, { cohortId: cohort.id }).map((a) => [
				a.learner,
				a.email,
				localText(a.quizTitle, order) || a.quizSlug,
				a.kind === 'pretest' ? t(m.quiz_pretest_title) : a.quizSlug,
				a.submittedAt.toISOString().replace('T', ' ').slice(0, 16),
				pct(a.percentage),
				yesNo(a.passed)
			])
		];
	}
	const stamp = new Date().toISOString().slice(0, 10);
	// An ASCII name for old clients, and the cohort's own name (Arabic too) for the others.
	const ascii = `cohort-${cohort.id}-${table}-${stamp}.${format}`;
	const named = `${cohort.name.replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ').trim()}-${table}-${stamp}.${format}`;
	const disposition = `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(named).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())}`;
	if (format === 'csv') {
		return new Response(toCsv(rows), {
			headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition }
		});
	}
	const body = await toXlsx([{ name: cohort.name, rows, rightToLeft: locale === 'ar' }]);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': disposition
		}
	});
};
