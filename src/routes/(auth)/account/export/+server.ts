import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { exportPersonalData } from '$lib/server/privacy/export';
import { asCell, toCsv } from '$lib/server/export/csv';
import { columnLabel, sectionFile, sectionLabel } from '$lib/i18n/export-labels';
import { errorText } from '$lib/i18n/errors.server';

/**
 * The signed-in person's own data: `?format=json` (everything, one document) or
 * `?format=csv&section=<key>` (one table), labelled in the page's language.
 */
export const GET: RequestHandler = (event) => {
	const me = requireRole(event);
	const format = event.url.searchParams.get('format') ?? 'json';
	const data = exportPersonalData(event.locals.ctx.db, { userId: me.id });
	const headers = { 'cache-control': 'private, no-store' };
	if (format === 'json') {
		const labelled = {
			exportedAt: data.exportedAt,
			language: event.locals.locale,
			sections: data.sections.map((s) => ({
				key: s.key,
				title: sectionLabel(s.key),
				columns: Object.fromEntries(s.columns.map((c) => [c, columnLabel(c)])),
				rows: s.rows
			}))
		};
		return new Response(JSON.stringify(labelled, null, 2), {
			headers: {
				...headers,
				'content-type': 'application/json; charset=utf-8',
				'content-disposition': 'attachment; filename="tamkeen-my-data.json"'
			}
		});
	}
	const section = data.sections.find((s) => s.key === event.url.searchParams.get('section'));
	if (format !== 'csv' || !section) error(400, { message: errorText('invalid_choice') });
	const csv = toCsv([
		section.columns.map(columnLabel),
		...section.rows.map((r) => section.columns.map((c) => asCell(r[c])))
	]);
	return new Response(csv, {
		headers: {
			...headers,
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${sectionFile(section.key)}"`
		}
	});
};
