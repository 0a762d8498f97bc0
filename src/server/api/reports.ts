import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { routePlugin } from '../route-plugin.ts';
import { reportScope } from '../../lib/server/access/reports.ts';
import { listCourses } from '../../lib/server/learning/catalog.ts';
import { course, POSITIONS } from '../../lib/server/db/schema/index.ts';
import { DIMENSIONS, inScope, NO_COHORT, NOT_STATED } from '../../lib/server/reports/filters.ts';
import { readReport, reportCohorts } from '../../lib/server/reports/read.ts';
import { COLUMNS, reportTable } from '../../lib/server/reports/table.ts';
import { localText } from '../../lib/server/text/localised.ts';
import type { AppContext } from '../context.ts';
import { requireApiScope } from './bearer.ts';
import { ErrorBody, LocaleParam } from './schemas.ts';

// Dashboards poll; a token is one caller however many machines share it, so the limit is per
// address like the site's, but tighter: each call aggregates over every enrolment in scope.
const reportLimit = { rateLimit: { max: 60, timeWindow: '1 minute' } };
const security: Record<string, string[]>[] = [{ bearerToken: [] }, { sessionCookie: [] }];

const text = (description: string) => Type.Optional(Type.String({ maxLength: 40, description }));
const ReportQuery = Type.Object({
	course: text('Course id (see /api/v1/reports/courses)'),
	cohort: text(
		'Cohort id (see /api/v1/reports/courses): its members in its course; a trainer may ask only for a cohort they run (404 otherwise)'
	),
	from: text('First enrolment month, YYYY-MM (UTC)'),
	to: text('Last enrolment month, YYYY-MM (UTC), inclusive'),
	completedFrom: text(
		'First completion month, YYYY-MM (UTC): learners who completed every active lesson then or later'
	),
	completedTo: text('Last completion month, YYYY-MM (UTC), inclusive'),
	governorate: text(`Governorate id (TN-11 …) or ${NOT_STATED}`),
	position: text(`One of ${POSITIONS.join(', ')}, or ${NOT_STATED}`),
	sex: text(`woman, man or ${NOT_STATED}`),
	by: text(
		`First breakdown: ${DIMENSIONS.join(', ')}. By cohort, a learner in two cohorts counts in both and "${NO_COHORT}" holds those in none; totals count each learner once`
	),
	by2: text('Second breakdown (a two-way table with subtotals)')
});

const Value = Type.Union([Type.Number(), Type.String(), Type.Null()]);
const ReportBody = Type.Object({
	k: Type.Integer({ description: 'The smallest count shown; smaller counts read "< k"' }),
	extractedAt: Type.String({ format: 'date-time' }),
	breakdown: Type.Array(Type.String(), { description: 'The dimensions of `keys`, in order' }),
	columns: Type.Array(Type.String(), { description: 'The indicators of `values`, in order' }),
	rows: Type.Array(
		Type.Object({
			level: Type.Union([Type.Literal('cell'), Type.Literal('subtotal'), Type.Literal('total')]),
			keys: Type.Array(Type.Union([Type.String(), Type.Null()]), {
				description: 'One category id per breakdown dimension; null where the row totals over it'
			}),
			values: Type.Object(
				Object.fromEntries(COLUMNS.map((c) => [c, Value])) as Record<
					(typeof COLUMNS)[number],
					typeof Value
				>,
				{
					description:
						'Counts are numbers, or "< k" when suppressed; percentages 0–100; null when not shown (derived from a suppressed count, or nothing to show); gainCi reads "low – high"'
				}
			)
		})
	)
});

const ReportCourses = Type.Object({
	courses: Type.Array(
		Type.Object({ id: Type.Integer(), slug: Type.String(), title: Type.String() })
	),
	cohorts: Type.Array(
		Type.Object({ id: Type.Integer(), name: Type.String(), courseId: Type.Integer() }),
		{ description: 'The cohorts the caller may narrow a report to' }
	),
	dimensions: Type.Array(Type.String()),
	positions: Type.Array(Type.String()),
	sexes: Type.Array(Type.String()),
	notStated: Type.String({ description: 'The category of a learner who did not say' })
});

// Category ids and column names, never labels: a dashboard translates them itself.
const ALL = '\u0000all';

/** GET /api/v1/reports and /reports/courses: the page's report, suppressed the same way. */
export const reportRoutes: FastifyPluginCallbackTypebox<{ ctx: AppContext }> = routePlugin(
	(app, { ctx }) => {
		app.get(
			'/reports',
			{
				config: reportLimit,
				schema: {
					operationId: 'getReport',
					summary: 'Aggregate report with small cells suppressed (as on /reports)',
					description:
						'Partners and admins read every course; a trainer the learners of the cohorts they run. Needs a personal access token with scope reports:read, or the session cookie. Periods are whole months; a bad month is 400 REPORT_PERIOD_INVALID, a period ending before it starts 400 REPORT_PERIOD_ORDER, both with `field`. With a period, counts that another period could be subtracted from to reveal fewer than k learners are suppressed too.',
					tags: ['reports'],
					security,
					querystring: ReportQuery,
					response: {
						200: ReportBody,
						400: ErrorBody,
						401: ErrorBody,
						403: ErrorBody,
						404: ErrorBody
					}
				}
			},
			async (req, reply) => {
				const user = requireApiScope(ctx, req, reply, 'reports:read');
				if (!user) return reply;
				// The page's parser reads the same names, so a filter means one thing everywhere.
				const params = new URLSearchParams(req.query);
				const k = ctx.config.reportMinCell;
				const { report } = readReport(ctx.db, { actor: user, params, k });
				const table = reportTable(report, {
					dimension: (d) => d,
					category: (_d, key) => key,
					column: (c) => c,
					all: ALL
				});
				const dims = report.breakdown.length || 1;
				return {
					k,
					extractedAt: report.extractedAt.toISOString(),
					breakdown: report.breakdown,
					columns: [...COLUMNS],
					rows: table.rows.map((row) => ({
						level: row.level,
						keys: report.breakdown.length
							? row.cells.slice(0, dims).map((c) => (c === ALL ? null : String(c)))
							: [],
						values: Object.fromEntries(
							COLUMNS.map((c, i) => [c, row.cells[dims + i] ?? null])
						) as Record<(typeof COLUMNS)[number], string | number | null>
					}))
				};
			}
		);
		app.get(
			'/reports/courses',
			{
				config: reportLimit,
				schema: {
					operationId: 'listReportChoices',
					summary: 'What a report can be filtered and broken down by',
					description:
						'The courses and cohorts in the caller’s scope, and the categories of each filter.',
					tags: ['reports'],
					security,
					querystring: Type.Object({ locale: Type.Optional(LocaleParam) }),
					response: { 200: ReportCourses, 401: ErrorBody, 403: ErrorBody }
				}
			},
			async (req, reply) => {
				const user = requireApiScope(ctx, req, reply, 'reports:read');
				if (!user) return reply;
				const scope = reportScope(ctx.db, user);
				if (scope === null)
					return reply
						.code(403)
						.send({ error: 'FORBIDDEN', message: 'Your role does not allow this.' });
				const locale = req.query.locale ?? user.locale;
				// Every course that has enrolments counts, even one without a version yet.
				const titles = new Map(
					listCourses(ctx.db, { includeUnpublished: true }).map((c) => [
						c.id,
						localText(c.title, locale)
					])
				);
				return {
					courses: ctx.db
						.select({ id: course.id, slug: course.slug })
						.from(course)
						.orderBy(course.id)
						.all()
						.filter((c) => inScope(scope, c.id))
						.map((c) => ({ ...c, title: titles.get(c.id) ?? c.slug })),
					cohorts: reportCohorts(ctx.db, scope),
					dimensions: [...DIMENSIONS],
					positions: [...POSITIONS],
					sexes: ['woman', 'man'],
					notStated: NOT_STATED
				};
			}
		);
	}
);
