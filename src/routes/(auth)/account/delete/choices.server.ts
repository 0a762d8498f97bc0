import type { Certificate } from '$lib/server/db/schema';
import { localText, type Locale } from '$lib/server/text/localised';

/** Certificates the holder chooses for: those still valid (revoked ones lose the name anyway). */
export function certificateChoices(rows: Certificate[], locale: Locale) {
	return rows
		.filter((c) => !c.revokedAt)
		.map((c) => ({
			code: c.code,
			title: localText(c.snapshot.courseTitle, locale),
			issuedAt: c.snapshot.issuedAt
		}));
}
