import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { renderCertificatePdf } from '$lib/server/certificates/pdf';
import { verifyUrl } from '$lib/server/certificates/issued-credential';
import type { CertificateSnapshot } from '$lib/server/certificates/types';
import { ownedCertificate } from '../../../owned.server';

export const GET: RequestHandler = async (event) => {
	const row = ownedCertificate(event);
	const snapshot = row.snapshot;
	const lang = event.params.lang as CertificateSnapshot['locales'][number];
	if (!snapshot.locales.includes(lang)) error(404, { message: 'not_found' });
	const { config } = event.locals.ctx;
	const pdf = await renderCertificatePdf(snapshot, {
		locale: lang,
		verifyUrl: verifyUrl(config, row.code, lang),
		issuer: config.certificateIssuer
	});
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${row.code}-${lang}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
};
