import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages';
import { countOf } from '$lib/format/numbers';
import { DomainError } from '$lib/server/errors';
import { toCsv, type Cell } from '$lib/server/export/csv';
import { toXlsx } from '$lib/server/export/xlsx';
import { loadReport } from '../report.server';

/** The page's table as CSV or XLSX: the same rows, so the same suppression, then the notes. */
export const GET: RequestHandler = async (event) => {
	const { table, modules, k, extractedAt, notes } = loadReport(event);
	const format = event.url.searchParams.get('format');
	if (format !== 'csv' && format !== 'xlsx') throw new DomainError('invalid_choice', 'format');
	const locale = event.locals.locale;
	const rows: Cell[][] = [
		table.header,
		...table.rows.map((r) => r.cells),
		...notes.map((note) => [note]),
		[],
		[m.reports_modules_caption({}, { locale })],
		modules.header,
		...modules.rows,
		[],
		[m.reports_suppression(countOf(k, locale), { locale })],
		[m.reports_extracted({ date: extractedAt.slice(0, 10) }, { locale })]
	];
	const name = `tamkeen-report-${extractedAt.slice(0, 10)}`;
	if (format === 'csv') {
		return new Response(toCsv(rows), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${name}.csv"`
			}
		});
	}
	const title = m.reports_title({}, { locale });
	const body = await toXlsx([{ name: title, rows, rightToLeft: locale === 'ar' }]);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${name}.xlsx"`
		}
	});
};
