import type { RequestEvent } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guard';
import { listPlaces } from '$lib/server/accounts/places';
import { POSITIONS, type Position } from '$lib/server/db/schema/index';
import { listCourses } from '$lib/server/learning/catalog';
import {
	inScope,
	NO_COHORT,
	NOT_STATED,
	PERIOD_AXES,
	periodOf,
	type Dimension
} from '$lib/server/reports/filters';
import { readReport, reportCohorts } from '$lib/server/reports/read';
import { moduleReport, moduleTable } from '$lib/server/reports/modules';
import { reportTable, type Column } from '$lib/server/reports/table';
import { localText } from '$lib/server/text/localised';

const POSITION_LABEL: Record<Position, typeof m.position_other> = {
	'elected-official': m['position_elected-official'],
	'council-member': m['position_council-member'],
	'municipal-staff': m['position_municipal-staff'],
	'civil-society': m['position_civil-society'],
	other: m.position_other
};

const COLUMN_LABEL: Record<Column, typeof m.reports_title> = {
	enrolled: m.reports_col_enrolled,
	started: m.reports_col_started,
	completed: m.reports_col_completed,
	certified: m.reports_col_certified,
	completionRate: m.reports_col_completion_rate,
	womenEnrolledShare: m.reports_col_women_enrolled,
	womenCertifiedShare: m.reports_col_women_certified,
	paired: m.reports_col_paired,
	meanPre: m.reports_col_mean_pre,
	meanFinal: m.reports_col_mean_final,
	meanGain: m.reports_col_mean_gain,
	gainCi: m.reports_col_gain_ci,
	hake: m.reports_col_hake,
	improvedShare: m.reports_col_improved
};

const DIMENSION_LABEL: Record<Dimension, typeof m.reports_title> = {
	governorate: m.reports_governorate,
	position: m.reports_position,
	sex: m.reports_sex,
	course: m.reports_course,
	cohort: m.reports_cohort
};

/**
 * The report the query asks for, as the one table the page and both exports show (suppression
 * applied in buildReport), with the choices of the filter form.
 */
export function loadReport(event: RequestEvent) {
	const user = requireRole(event);
	const db = event.locals.ctx.db;
	const k = event.locals.ctx.config.reportMinCell;
	const { scope, query, report } = readReport(db, {
		actor: user,
		params: event.url.searchParams,
		k
	});
	const locale = event.locals.locale;
	const courses = listCourses(db, { includeUnpublished: true })
		.filter((c) => inScope(scope, c.id))
		.map((c) => ({ id: String(c.id), name: localText(c.title, locale) }));
	const governorates = listPlaces(db, locale).map((g) => ({ id: g.id, name: g.name }));
	const cohorts = reportCohorts(db, scope).map((c) => ({ id: String(c.id), name: c.name }));
	const say = { locale };
	const notStated = m.reports_not_stated({}, say);
	const names: Record<Dimension, (key: string) => string> = {
		governorate: (key) => governorates.find((g) => g.id === key)?.name ?? key,
		course: (key) => courses.find((c) => c.id === key)?.name ?? key,
		position: (key) => POSITION_LABEL[key as Position]({}, say),
		sex: (key) => (key === 'woman' ? m.gender_woman({}, say) : m.gender_man({}, say)),
		cohort: (key) =>
			key === NO_COHORT
				? m.report_cohort_none({}, say)
				: (cohorts.find((c) => c.id === key)?.name ?? key)
	};
	const table = reportTable(report, {
		dimension: (d) => DIMENSION_LABEL[d]({}, say),
		category: (d, key) => (key === NOT_STATED ? notStated : names[d](key)),
		column: (c) => COLUMN_LABEL[c]({}, say),
		all: m.reports_total({}, say),
		locale
	});
	const first = report.breakdown[0];
	// The chart shows the first dimension's categories (their subtotals in a two-way table).
	const chart = first
		? report.rows
				.filter((r) => (report.breakdown.length === 1 ? r.level === 'cell' : r.keys[1] === null))
				.flatMap((r) => {
					const key = r.keys[0];
					if (key == null) return [];
					const label = key === NOT_STATED ? notStated : names[first](key);
					return [{ label, value: r.counts.enrolled.hidden ? null : r.counts.enrolled.value }];
				})
		: [];
	const modules = moduleTable(moduleReport(db, { filter: query.filter, scope, k }), k, {
		header: [
			m.reports_course({}, say),
			m.reports_col_module({}, say),
			m.reports_col_module_tried({}, say),
			m.reports_col_module_passed({}, say),
			m.reports_col_module_pass_rate({}, say)
		],
		course: (id) => names.course(String(id)),
		module: (title) => localText(title, locale)
	});
	// Notes the page and both exports print under the table, in this order.
	const notes = [
		...(report.breakdown.includes('cohort') ? [m.report_cohort_footnote({}, say)] : []),
		...(PERIOD_AXES.some((axis) => Object.values(periodOf(query.filter, axis)).some(Boolean))
			? [m.report_period_guard({ k: String(k) }, say)]
			: [])
	];
	return {
		table,
		chart,
		notes,
		modules,
		chartLabel: first ? m.reports_chart({ dimension: DIMENSION_LABEL[first]({}, say) }, say) : '',
		k,
		extractedAt: report.extractedAt.toISOString(),
		trainer: user.role === 'trainer',
		query: Object.fromEntries(event.url.searchParams),
		options: {
			courses,
			cohorts,
			governorates,
			positions: POSITIONS.map((p) => ({ id: p, name: POSITION_LABEL[p]({}, say) }))
		}
	};
}
