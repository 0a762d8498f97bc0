import type { AuditFilter } from '$lib/server/audit/query';

/** The filter form's fields from the query string (a GET form, so it works without JavaScript). */
export function readFilter(url: URL): AuditFilter {
	const get = (k: string) => url.searchParams.get(k)?.slice(0, 200) ?? '';
	return {
		actor: get('actor'),
		action: get('action'),
		object: get('object'),
		from: get('from'),
		to: get('to')
	};
}
