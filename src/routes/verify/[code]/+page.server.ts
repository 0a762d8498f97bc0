import type { PageServerLoad } from './$types';
import { verifyCertificateCode } from '$lib/server/certificates/registry';

// Read-only and often opened from a QR code on a phone: no framework JavaScript (issue 15).
export const csr = false;

// Public and read-only: anyone with a code (typed or from the QR code) sees its state.
export const load: PageServerLoad = ({ params, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	return { result: verifyCertificateCode(locals.ctx.db, params.code), locale: locals.locale };
};
