import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { listCertificates, toPublic } from '$lib/server/certificates/registry';
import { verifyUrl } from '$lib/server/certificates/issued-credential';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event);
	const { db, config } = event.locals.ctx;
	return {
		certificates: listCertificates(db, { userId: user.id }).map((row) => {
			const c = toPublic(row);
			const issued = new Date(c.issuedAt);
			// LinkedIn's documented "add to profile" link: the certification, issuer and URL prefilled.
			const linkedin = new URL('https://www.linkedin.com/profile/add');
			linkedin.search = new URLSearchParams({
				startTask: 'CERTIFICATION_NAME',
				name: c.courseTitle.en ?? c.courseTitle.fr ?? c.courseTitle.ar ?? c.courseSlug,
				organizationName: c.issuerName,
				issueYear: String(issued.getUTCFullYear()),
				issueMonth: String(issued.getUTCMonth() + 1),
				certUrl: verifyUrl(config, c.code, event.locals.locale),
				certId: c.code
			}).toString();
			// A revoked certificate is not shared: no LinkedIn link (the page shows none either).
			return { ...c, linkedin: c.revoked ? null : linkedin.href };
		})
	};
};
