import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbLike, Tx } from '../db/index.ts';
import { certificate, course, user, type Certificate } from '../db/schema/index.ts';
import { currentCourseMeta } from '../courses/current-meta.ts';
import type { Config } from '../config.ts';
import type { VersionMeta } from '../courses/types.ts';
import { cleanText } from '../text/clean.ts';
import { syllabus } from '../learning/catalog.ts';
import { courseProgress } from '../learning/progress.ts';
import { findEnrolment } from '../learning/enrolment.ts';
import { quizStatusForCourse } from '../quiz/attempts/status.ts';
import { isAssignmentSlug } from '../courses/assignments.ts';
import { recordAudit } from '../audit/log.ts';
import { generateCertificateCode } from './code.ts';
import { evaluateEligibility, type Eligibility } from './eligibility.ts';
import type { CertificateSnapshot, CertificateType } from './types.ts';

/** Who issues and signs, from the configuration: every path that can earn a certificate takes it. */
export type Issuer = Pick<Config, 'certificateIssuer' | 'certificateSignatories'>;

/** Where a learner stands against a course's completion rule. */
export function completionState(
	db: DbLike,
	{ userId, courseId }: { userId: string; courseId: number }
): { eligibility: Eligibility; meta: VersionMeta; finalBest: number | null } | null {
	const meta = currentCourseMeta(db, courseId);
	if (!meta) return null;
	const progress = courseProgress(db, { userId, courseId, modules: syllabus(db, courseId) });
	const quizzes = quizStatusForCourse(db, { userId, courseId });
	const final = quizzes.find((q) => q.slug === 'final');
	const finalBest = final ? final.bestPercentage : null;
	const eligibility = evaluateEligibility({
		rule: meta.completion,
		lessonsDone: progress.done,
		lessonsTotal: progress.total,
		moduleQuizzes: quizzes
			.filter((q) => q.slug !== 'final' && !isAssignmentSlug(q.slug))
			.map((q) => ({ slug: q.slug, passed: q.passed })),
		assignments: quizzes
			.filter((q) => isAssignmentSlug(q.slug))
			.map((q) => ({ slug: q.slug, submitted: q.attempts > 0, graded: q.graded > 0 })),
		finalBest,
		hasFinal: Boolean(final)
	});
	return { eligibility, meta, finalBest };
}

/**
 * Issues every certificate a learner has earned in a course and not yet received, inside the
 * transaction of the change that earned it (lesson finished, attempt closed, essay graded), so
 * both commit or neither does; returns all their certificates for it. Only those domain
 * functions call it, never a route. The unique (learner, course, type) index makes issuance
 * exactly-once under any concurrency.
 */
export function issueEarnedCertificates(
	tx: Tx,
	{
		userId,
		courseId,
		issuer,
		now = new Date()
	}: { userId: string; courseId: number; issuer: Issuer; now?: Date }
): Certificate[] {
	const mine = () =>
		tx
			.select()
			.from(certificate)
			.where(and(eq(certificate.userId, userId), eq(certificate.courseId, courseId)))
			.all();
	if (!findEnrolment(tx, { userId, courseId })) return mine();
	const state = completionState(tx, { userId, courseId });
	const holder = tx.select({ name: user.name }).from(user).where(eq(user.id, userId)).get();
	const slug = tx
		.select({ slug: course.slug })
		.from(course)
		.where(eq(course.id, courseId))
		.get()?.slug;
	if (!state || !holder || !slug) return mine();
	const earned: CertificateType[] = [];
	if (state.eligibility.completion) earned.push('completion');
	if (state.eligibility.participation) earned.push('participation');
	for (const type of earned) {
		const code = generateCertificateCode();
		const snapshot: CertificateSnapshot = {
			code,
			type,
			// Names are cleaned at input; this also covers names stored before that rule.
			holderName: cleanText(holder.name),
			courseSlug: slug,
			courseTitle: state.meta.title,
			courseVersion: state.meta.version,
			hours: state.meta.hours,
			score: type === 'completion' ? state.finalBest : null,
			issuedAt: now.toISOString(),
			issuerName: issuer.certificateIssuer,
			signatories: issuer.certificateSignatories,
			locales: state.meta.locales
		};
		const inserted = tx
			.insert(certificate)
			.values({
				code,
				userId,
				courseId,
				type,
				snapshot,
				identitySalt: randomBytes(16).toString('hex'),
				issuedAt: now
			})
			.onConflictDoNothing({
				target: [certificate.userId, certificate.courseId, certificate.type]
			})
			.run();
		if (inserted.changes > 0)
			recordAudit(
				tx,
				{
					actorId: userId,
					action: 'certificate.issue',
					subjectType: 'certificate',
					subjectId: code,
					details: { courseId, type }
				},
				now
			);
	}
	return mine();
}
