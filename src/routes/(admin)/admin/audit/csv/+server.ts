import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canAudit } from '$lib/server/access/index';
import { listAuditPage } from '$lib/server/audit/query';
import { asCell, toCsv } from '$lib/server/export/csv';
import { describeAudit } from '$lib/i18n/audit-words';
import * as m from '$lib/paraglide/messages';
import { readFilter } from '../filter.server';

/** Every entry the filter matches, as CSV in the reader's language (UTF-8 with BOM). */
export const GET: RequestHandler = (event) => {
	allow(canAudit(requireRole(event)));
	const { rows } = listAuditPage(event.locals.ctx.db, {
		filter: readFilter(event.url),
		limit: 0
	});
	const csv = toCsv([
		[
			m.audit_col_when(),
			m.audit_col_what(),
			m.audit_filter_action(),
			m.audit_filter_object(),
			m.audit_col_address()
		],
		...rows.map((r) => [r.at, describeAudit(r), r.action, r.subjectId, r.ip].map(asCell))
	]);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="tamkeen-audit.csv"',
			'cache-control': 'private, no-store'
		}
	});
};
