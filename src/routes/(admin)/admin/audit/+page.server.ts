import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canAudit } from '$lib/server/access/index';
import { auditActions, listAuditPage } from '$lib/server/audit/query';
import { describeAudit } from '$lib/i18n/audit-words';
import { readFilter } from './filter.server';

export const load: PageServerLoad = (event) => {
	allow(canAudit(requireRole(event)));
	const { db } = event.locals.ctx;
	const filter = readFilter(event.url);
	const before = Number(event.url.searchParams.get('before'));
	const page = listAuditPage(db, {
		filter,
		before: Number.isInteger(before) && before > 0 ? before : null
	});
	// Plain links carry the filter, so paging and the CSV work without JavaScript.
	const query = (extra: Record<string, string>) =>
		new URLSearchParams(
			Object.entries({ ...filter, ...extra }).filter((e): e is [string, string] => Boolean(e[1]))
		).toString();
	return {
		filter,
		actions: auditActions(db),
		entries: page.rows.map((r) => ({
			id: r.id,
			at: r.at,
			text: describeAudit(r),
			ip: r.ip
		})),
		nextHref: page.next ? `?${query({ before: String(page.next) })}` : null,
		firstHref: event.url.searchParams.has('before') ? `?${query({})}` : null,
		csvHref: `audit/csv?${query({})}`
	};
};
