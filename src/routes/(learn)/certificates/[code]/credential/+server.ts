import type { RequestHandler } from './$types';
import { signedCredential } from '$lib/server/certificates/issued-credential';
import { ownedCertificate } from '../../owned.server';

/** The Open Badges 3.0 credential as a signed VC-JWT, for wallets and other systems. */
export const GET: RequestHandler = async (event) => {
	const row = ownedCertificate(event);
	const jwt = await signedCredential(event.locals.ctx, row);
	return new Response(jwt, {
		headers: {
			'content-type': 'application/vc+jwt',
			'content-disposition': `attachment; filename="${row.code}.jwt"`,
			'cache-control': 'private, no-store'
		}
	});
};
