import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages';
import { DomainError } from '$lib/server/errors';
import { toCsv, type Cell } from '$lib/server/export/csv';
import { toXlsx } from '$lib/server/export/xlsx';
import { loadAnalysis } from '../analysis.server';

const FLAG = {
	'negative-discrimination': m.analysis_flag_negative,
	'weak-discrimination': m.analysis_flag_weak,
	'everyone-right': m.analysis_flag_easy,
	'no-one-right': m.analysis_flag_hard
};

const round = (v: number | null, digits = 2) =>
	v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/** The item analysis table as CSV or XLSX; the file is named after the course, quiz and date. */
export const GET: RequestHandler = async (event) => {
	const { course, report } = loadAnalysis(event);
	const format = event.url.searchParams.get('format');
	// A missing or unknown choice is a bad request (400), not a missing page.
	if (!report.quiz) throw new DomainError('invalid_choice', 'quiz');
	if (format !== 'csv' && format !== 'xlsx') throw new DomainError('invalid_choice', 'format');
	const locale = event.locals.locale;
	const header: Cell[] = [
		m.analysis_question({}, { locale }),
		m.analysis_type({}, { locale }),
		m.analysis_attempts({}, { locale }),
		m.analysis_facility({}, { locale }),
		m.analysis_sd({}, { locale }),
		m.analysis_discrimination({}, { locale }),
		m.analysis_efficiency({}, { locale }),
		m.analysis_flags({}, { locale })
	];
	const rows: Cell[][] = [
		header,
		...report.items.map((i) => [
			i.prompt,
			i.type,
			i.attempts,
			round(i.facility * 100, 1),
			round(i.sd === null ? null : i.sd * 100, 1),
			round(i.discrimination),
			round(i.efficiency === null ? null : i.efficiency * 100, 1),
			i.flags.map((flag) => FLAG[flag]({}, { locale })).join(' ')
		])
	];
	const day = new Date().toISOString().slice(0, 10);
	const name = `${course.slug}-${report.quiz.slug}-analysis-${day}`.replace(/[^a-z0-9-]/gi, '-');
	if (format === 'csv') {
		return new Response(toCsv(rows), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${name}.csv"`
			}
		});
	}
	const body = await toXlsx([{ name: report.quiz.title, rows, rightToLeft: locale === 'ar' }]);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${name}.xlsx"`
		}
	});
};
