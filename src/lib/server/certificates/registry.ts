import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { prepared } from '../db/prepared.ts';
import { certificate, type Certificate } from '../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { recordAudit } from '../audit/log.ts';
import { normaliseCertificateCode, isValidCertificateCode } from './code.ts';
import type { CertificateSnapshot } from './types.ts';

export type PublicCertificate = {
	code: string;
	type: CertificateSnapshot['type'];
	holderName: string;
	courseSlug: string;
	courseTitle: CertificateSnapshot['courseTitle'];
	courseVersion: string;
	hours: number;
	score: number | null;
	issuedAt: string;
	issuerName: string;
	locales: CertificateSnapshot['locales'];
	revoked: { at: string; reason: string } | null;
};

export type Verification =
	| { status: 'valid' | 'revoked'; certificate: PublicCertificate }
	| { status: 'unknown'; code: string }
	| { status: 'malformed'; input: string };

/** What anyone holding the code may see: the snapshot as issued, and whether it was revoked. */
export function toPublic(row: Certificate): PublicCertificate {
	const s = row.snapshot;
	return {
		code: row.code,
		type: s.type,
		holderName: s.holderName,
		courseSlug: s.courseSlug,
		courseTitle: s.courseTitle,
		courseVersion: s.courseVersion,
		hours: s.hours,
		score: s.score,
		issuedAt: s.issuedAt,
		issuerName: s.issuerName,
		locales: s.locales,
		revoked: row.revokedAt
			? { at: row.revokedAt.toISOString(), reason: row.revokedReason ?? '' }
			: null
	};
}

/** Looks a typed code up: tolerant of case, spaces, dashes and look-alike letters. */
export function verifyCertificateCode(db: Db, input: string): Verification {
	const code = normaliseCertificateCode(input);
	if (!code || !isValidCertificateCode(code)) return { status: 'malformed', input };
	const row = findCertificate(db, code);
	if (!row) return { status: 'unknown', code };
	return { status: row.revokedAt ? 'revoked' : 'valid', certificate: toPublic(row) };
}

export function findCertificate(db: Db, code: string): Certificate | null {
	return db.select().from(certificate).where(eq(certificate.code, code)).get() ?? null;
}

/** A learner's certificates, newest first; capped like every list that users can grow. */
export function listCertificates(
	db: Db,
	{ userId, limit = 200 }: { userId: string; limit?: number }
): Certificate[] {
	return prepared(db, certificatesOf).all({ userId, limit });
}

// On every "My learning" page: prepared once.
const certificatesOf = (db: Db) =>
	db
		.select()
		.from(certificate)
		.where(eq(certificate.userId, sql.placeholder('userId')))
		.orderBy(desc(certificate.issuedAt))
		.limit(sql.placeholder('limit'))
		.prepare();

/** Every certificate, newest first (administration). */
export function listAllCertificates(
	db: Db,
	{ limit = 200 }: { limit?: number } = {}
): Certificate[] {
	return db.select().from(certificate).orderBy(desc(certificate.issuedAt)).limit(limit).all();
}

/** Revokes a certificate with a reason; the audit log keeps who and why. Revoking twice is refused. */
export function revokeCertificate(
	db: Db,
	{
		code,
		reason,
		actorId,
		now = new Date()
	}: { code: string; reason: string; actorId: string; now?: Date }
): Certificate {
	const text = reason.trim();
	if (text.length < 5) throw new DomainError('revocation_reason_required', 'reason');
	return db.transaction((tx) => {
		const row = tx.select().from(certificate).where(eq(certificate.code, code)).get();
		if (!row) throw new DomainError('not_found');
		if (row.revokedAt) throw new DomainError('already_revoked');
		tx.update(certificate)
			.set({ revokedAt: now, revokedReason: text.slice(0, 500), revokedBy: actorId })
			.where(eq(certificate.id, row.id))
			.run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'certificate.revoke',
				subjectType: 'certificate',
				subjectId: code,
				details: { reason: text.slice(0, 500) }
			},
			now
		);
		return { ...row, revokedAt: now, revokedReason: text.slice(0, 500), revokedBy: actorId };
	});
}
