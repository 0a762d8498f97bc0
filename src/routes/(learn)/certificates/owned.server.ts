import { error } from '@sveltejs/kit';
import type { RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { findCertificate } from '$lib/server/certificates/registry';

/** The certificate behind a download link: its holder or an admin only. */
export function ownedCertificate(event: RequestEvent<{ code: string }>) {
	const user = requireRole(event);
	const row = findCertificate(event.locals.ctx.db, event.params.code);
	if (!row || (row.userId !== user.id && user.role !== 'admin'))
		error(404, { message: 'not_found' });
	return row;
}
