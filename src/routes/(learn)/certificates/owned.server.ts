import { error } from '@sveltejs/kit';
import type { RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { findCertificate } from '$lib/server/certificates/registry';
import { requireUnrevoked } from '$lib/server/certificates/revocation';
import { allow, canDownloadCertificate } from '$lib/server/access/index';

/** The certificate behind a download link: its holder or an admin only, and never a revoked one. */
export function ownedCertificate(event: RequestEvent<{ code: string }>) {
	const user = requireRole(event);
	const row = findCertificate(event.locals.ctx.db, event.params.code);
	if (!row) error(404, { message: 'not_found' });
	// Someone else's certificate is "not found", so codes cannot be probed for holders.
	allow(canDownloadCertificate(user, row), 'not_found');
	// A 410 with the table's sentence: the verify page says "revoked", the files must not disagree.
	requireUnrevoked(row);
	return row;
}
