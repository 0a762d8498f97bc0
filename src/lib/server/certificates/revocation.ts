// What revocation means beyond the registry's flag: a revoked certificate offers no download,
// and an admin may reinstate it. The certificate row keeps only the current revocation (no
// migration); the audit log keeps the whole history, each reinstatement with the revocation it
// undid.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { certificate, type Certificate } from '../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { recordAudit } from '../audit/log.ts';
import { ERASURE_REASON } from '../privacy/erase.ts';

/** Refuses ('certificate_revoked', 410) the PDF and the credential of a revoked certificate. */
export function requireUnrevoked(row: Pick<Certificate, 'revokedAt'>): void {
	if (row.revokedAt) throw new DomainError('certificate_revoked');
}

/**
 * Makes a revoked certificate valid again, with a reason; refuses one that is not revoked, and
 * one revoked because its holder erased their account.
 */
export function reinstateCertificate(
	db: Db,
	{
		code,
		reason,
		actorId,
		now = new Date()
	}: { code: string; reason: string; actorId: string; now?: Date }
): Certificate {
	const text = reason.trim().slice(0, 500);
	if (text.length < 5) throw new DomainError('revocation_reason_required', 'reason');
	return db.transaction((tx) => {
		const row = tx.select().from(certificate).where(eq(certificate.code, code)).get();
		if (!row) throw new DomainError('not_found');
		if (!row.revokedAt) throw new DomainError('not_revoked');
		// The holder erased their account: the certificate names nobody any more.
		if (row.revokedReason === ERASURE_REASON) throw new DomainError('forbidden');
		tx.update(certificate)
			.set({ revokedAt: null, revokedReason: null, revokedBy: null })
			.where(eq(certificate.id, row.id))
			.run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'certificate.reinstate',
				subjectType: 'certificate',
				subjectId: code,
				details: {
					reason: text,
					revokedAt: row.revokedAt.toISOString(),
					revokedReason: row.revokedReason ?? '',
					revokedBy: row.revokedBy ?? ''
				}
			},
			now
		);
		return { ...row, revokedAt: null, revokedReason: null, revokedBy: null };
	});
}
