// One learner's record in a cohort's course, for the trainers who run that cohort: every lesson
// with its dates, every submitted attempt (reviewed as the learner sees it), pre-test against
// final, and the certificate. Who may read it is decided before (access/cohorts canViewMember).
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { certificate, lessonProgress, quiz, quizAttempt, user } from '../db/schema/index.ts';
import { syllabus } from '../learning/catalog.ts';
import { reviewAttempt, type AttemptReview } from '../quiz/attempts/review.ts';
import type { Localised } from '../text/localised.ts';

export type LessonDates = {
	id: number;
	slug: string;
	title: Localised;
	openedAt: Date | null;
	completedAt: Date | null;
};

export type RecordedAttempt = {
	id: number;
	quizSlug: string;
	quizTitle: Localised;
	kind: 'attempt' | 'pretest';
	submittedAt: Date;
	review: AttemptReview;
};

export type LearnerRecord = {
	learner: { id: string; name: string; email: string };
	modules: { id: number; title: Localised; lessons: LessonDates[] }[];
	attempts: RecordedAttempt[];
	/** The final assessment: the pre-test's percentage and the best final attempt's. */
	gain: { pretest: number | null; final: number | null };
	certificate: { code: string; issuedAt: Date; revoked: boolean } | null;
};

/** The record, or null when the user does not exist. */
export function learnerRecord(
	db: Db,
	{ userId, courseId }: { userId: string; courseId: number }
): LearnerRecord | null {
	const learner = db
		.select({ id: user.id, name: user.name, email: user.email })
		.from(user)
		.where(eq(user.id, userId))
		.get();
	if (!learner) return null;
	const progress = new Map(
		db
			.select()
			.from(lessonProgress)
			.where(eq(lessonProgress.userId, userId))
			.all()
			.map((p) => [p.lessonId, p])
	);
	const modules = syllabus(db, courseId).map((mod) => ({
		id: mod.id,
		title: mod.title,
		lessons: mod.lessons.map((l) => ({
			id: l.id,
			slug: l.slug,
			title: l.title,
			openedAt: progress.get(l.id)?.firstOpenedAt ?? null,
			completedAt: progress.get(l.id)?.completedAt ?? null
		}))
	}));
	const attempts = db
		.select({
			id: quizAttempt.id,
			quizSlug: quiz.slug,
			settings: quiz.settings,
			kind: quizAttempt.kind,
			submittedAt: quizAttempt.submittedAt,
			percentage: quizAttempt.percentage
		})
		.from(quizAttempt)
		.innerJoin(quiz, eq(quiz.id, quizAttempt.quizId))
		.where(
			and(
				eq(quizAttempt.userId, userId),
				eq(quiz.courseId, courseId),
				isNotNull(quizAttempt.submittedAt)
			)
		)
		.orderBy(asc(quizAttempt.submittedAt), asc(quizAttempt.id))
		.all();
	const finals = attempts.filter((a) => a.quizSlug === 'final');
	const pct = (rows: typeof finals) =>
		rows.length ? Math.max(...rows.map((a) => a.percentage ?? 0)) : null;
	const cert = db
		.select()
		.from(certificate)
		.where(and(eq(certificate.userId, userId), eq(certificate.courseId, courseId)))
		.get();
	return {
		learner,
		modules,
		attempts: attempts.map((a) => ({
			id: a.id,
			quizSlug: a.quizSlug,
			quizTitle: a.settings.title,
			kind: a.kind,
			submittedAt: a.submittedAt ?? new Date(0),
			review: reviewAttempt(db, { attemptId: a.id, userId })
		})),
		gain: {
			pretest: pct(finals.filter((a) => a.kind === 'pretest')),
			final: pct(finals.filter((a) => a.kind === 'attempt'))
		},
		certificate: cert
			? { code: cert.code, issuedAt: cert.issuedAt, revoked: cert.revokedAt !== null }
			: null
	};
}
