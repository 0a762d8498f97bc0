// "You have earned your certificate" on a result page: the certificate that closing (or grading)
// this attempt issued, read back rather than guessed, so the page never celebrates too early.
import { and, eq, gte, isNull } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import { certificate, quiz } from '../db/schema/index.ts';
import { ownedAttempt } from '../quiz/attempts/load.ts';
import type { CertificateSnapshot } from './types.ts';

export type EarnedCertificate = {
	code: string;
	type: CertificateSnapshot['type'];
	locales: CertificateSnapshot['locales'];
};

/**
 * The valid certificate issued to the attempt's learner, for its course, at or after its
 * submission (completion first); null while the attempt is open or earned nothing.
 */
export function certificateEarnedBy(
	db: DbLike,
	{ attemptId, userId }: { attemptId: number; userId: string }
): EarnedCertificate | null {
	const attempt = ownedAttempt(db, { attemptId, userId });
	if (!attempt.submittedAt || attempt.kind !== 'attempt') return null;
	const rows = db
		.select({ code: certificate.code, type: certificate.type, snapshot: certificate.snapshot })
		.from(certificate)
		.innerJoin(quiz, eq(quiz.courseId, certificate.courseId))
		.where(
			and(
				eq(quiz.id, attempt.quizId),
				eq(certificate.userId, userId),
				isNull(certificate.revokedAt),
				gte(certificate.issuedAt, attempt.submittedAt)
			)
		)
		.all();
	const row = rows.find((r) => r.type === 'completion') ?? rows[0];
	return row ? { code: row.code, type: row.type, locales: row.snapshot.locales } : null;
}
