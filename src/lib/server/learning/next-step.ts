// Gathers a learner's facts in a course for the next-step rule (next-step-rule.ts).
import { and, eq, isNull } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import { auditLog, certificate, enrolment, quiz, quizAttempt } from '../db/schema/index.ts';
import { currentCourseMeta } from '../courses/current-meta.ts';
import { quizStatusForCourse } from '../quiz/attempts/status.ts';
import { recordAudit } from '../audit/log.ts';
import { courseProgress } from './progress.ts';
import type { SyllabusModule } from './types.ts';
import {
	chooseNextStep,
	remainingOf,
	type NextStep,
	type NextStepFacts,
	type Remaining
} from './next-step-rule.ts';

/** The audit action that remembers "skip the pre-test" (no table of its own). */
export const PRETEST_SKIPPED = 'pretest.skipped';

/** The facts the next-step rule needs, read from the database. */
export function nextStepFacts(
	db: DbLike,
	{ userId, courseId, modules }: { userId: string; courseId: number; modules: SyllabusModule[] }
): NextStepFacts {
	const meta = currentCourseMeta(db, courseId);
	const progress = courseProgress(db, { userId, courseId, modules });
	const done = new Set(progress.completedLessonIds);
	const quizzes = quizStatusForCourse(db, { userId, courseId });
	const final = quizzes.find((q) => q.slug === 'final');
	return {
		modules: modules.map((m) => {
			const q = quizzes.find((x) => x.slug === m.slug);
			return {
				slug: m.slug,
				lessons: m.lessons.map((l) => ({ id: l.id, slug: l.slug, done: done.has(l.id) })),
				quiz: q ? { slug: q.slug, passed: q.passed } : null
			};
		}),
		// The lesson last opened, not progress's "continue" (which falls back to the first unfinished).
		resumeLessonId:
			db
				.select({ id: enrolment.lastLessonId })
				.from(enrolment)
				.where(and(eq(enrolment.userId, userId), eq(enrolment.courseId, courseId)))
				.get()?.id ?? null,
		quizzesRequired: meta?.completion.moduleQuizzes === 'passed',
		pretest:
			typeof meta?.pretest === 'number' && final
				? pretestState(db, { userId, courseId, finalId: final.quizId })
				: null,
		final: final ? { passed: final.passed, awaitingGrading: final.awaitingGrading } : null,
		certificate:
			db
				.select({ code: certificate.code })
				.from(certificate)
				.where(
					and(
						eq(certificate.userId, userId),
						eq(certificate.courseId, courseId),
						isNull(certificate.revokedAt)
					)
				)
				.get()?.code ?? null
	};
}

function pretestState(
	db: DbLike,
	{ userId, courseId, finalId }: { userId: string; courseId: number; finalId: number }
): NonNullable<NextStepFacts['pretest']> {
	const attempt = db
		.select({ submittedAt: quizAttempt.submittedAt })
		.from(quizAttempt)
		.innerJoin(quiz, eq(quiz.id, quizAttempt.quizId))
		.where(
			and(
				eq(quizAttempt.userId, userId),
				eq(quizAttempt.quizId, finalId),
				eq(quizAttempt.kind, 'pretest')
			)
		)
		.get();
	if (attempt) return attempt.submittedAt ? 'taken' : 'open';
	const skipped = db
		.select({ id: auditLog.id })
		.from(auditLog)
		.where(
			and(
				eq(auditLog.actorId, userId),
				eq(auditLog.action, PRETEST_SKIPPED),
				eq(auditLog.subjectType, 'course'),
				eq(auditLog.subjectId, String(courseId))
			)
		)
		.get();
	return skipped ? 'skipped' : 'untouched';
}

/** A learner's next step in a course and what remains before completion. */
export function nextStep(
	db: DbLike,
	input: { userId: string; courseId: number; modules: SyllabusModule[] }
): { step: NextStep; remaining: Remaining; facts: NextStepFacts } {
	const facts = nextStepFacts(db, input);
	return { step: chooseNextStep(facts), remaining: remainingOf(facts), facts };
}

/** Remembers that a learner chose to skip the course's pre-test (an audit row, idempotent). */
export function skipPretest(
	db: DbLike,
	{ userId, courseId }: { userId: string; courseId: number }
) {
	const modules: SyllabusModule[] = [];
	if (nextStepFacts(db, { userId, courseId, modules }).pretest !== 'untouched') return;
	recordAudit(db, {
		actorId: userId,
		action: PRETEST_SKIPPED,
		subjectType: 'course',
		subjectId: String(courseId)
	});
}
