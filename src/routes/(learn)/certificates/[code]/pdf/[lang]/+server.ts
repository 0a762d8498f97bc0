import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { renderCertificatePdf } from '$lib/server/certificates/pdf';
import { storedCertificatePdf } from '$lib/server/certificates/pdf-store';
import { takeCertificateDownload } from '$lib/server/certificates/download-limit';
import { verifyUrl } from '$lib/server/certificates/issued-credential';
import type { CertificateSnapshot } from '$lib/server/certificates/types';
import { ownedCertificate } from '../../../owned.server';
import { requireRole } from '$lib/server/auth/guard';
import * as m from '$lib/paraglide/messages';

export const GET: RequestHandler = async (event) => {
	const row = ownedCertificate(event);
	const snapshot = row.snapshot;
	const lang = event.params.lang as CertificateSnapshot['locales'][number];
	if (!snapshot.locales.includes(lang)) error(404, { message: 'not_found' });
	const { db, config, pdfRenderer } = event.locals.ctx;
	const wait = takeCertificateDownload(db, requireRole(event).id);
	if (wait > 0)
		return new Response(m.cert_pdf_too_many(), {
			status: 429,
			headers: {
				'content-type': 'text/plain; charset=utf-8',
				'retry-after': String(Math.ceil(wait / 1000))
			}
		});
	const render = pdfRenderer?.render ?? renderCertificatePdf;
	const pdf = await storedCertificatePdf({ dataDir: config.dataDir, render }, snapshot, {
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
