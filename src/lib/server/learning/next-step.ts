// Gathers a learner's facts in a course for the next-step rule (next-step-rule.ts).
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbLike } from '../db/index.ts';
import { preparedOn } from '../db/prepared.ts';
import { auditLog, certificate, quizAttempt } from '../db/schema/index.ts';
import { currentCourseMeta } from '../courses/current-meta.ts';
import { quizStatusForCourse } from '../quiz/attempts/status.ts';
import { recordAudit } from '../audit/log.ts';
import { courseProgress, lastLessonOf } from './progress.ts';
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
		resumeLessonId: preparedOn(db, lastLessonOf).get({ userId, courseId })?.id ?? null,
		quizzesRequired: meta?.completion.moduleQuizzes === 'passed',
		pretest:
			typeof meta?.pretest === 'number' && final
				? pretestState(db, { userId, courseId, finalId: final.quizId })
				: null,
		final: final ? { passed: final.passed, awaitingGrading: final.awaitingGrading } : null,
		certificate: preparedOn(db, readCertificate).get({ userId, courseId })?.code ?? null
	};
}

// Read on every lesson and course page a learner opens: prepared once (db/prepared.ts).
const readCertificate = (db: DbLike) =>
	db
		.select({ code: certificate.code })
		.from(certificate)
		.where(
			and(
				eq(certificate.userId, sql.placeholder('userId')),
				eq(certificate.courseId, sql.placeholder('courseId')),
				isNull(certificate.revokedAt)
			)
		)
		.prepare();

const readPretestAttempt = (db: DbLike) =>
	db
		.select({ submittedAt: quizAttempt.submittedAt })
		.from(quizAttempt)
		.where(
			and(
				eq(quizAttempt.userId, sql.placeholder('userId')),
				eq(quizAttempt.quizId, sql.placeholder('finalId')),
				eq(quizAttempt.kind, 'pretest')
			)
		)
		.prepare();

// Uses the audit log's (subject_type, subject_id) index, so it reads every audit row about the
// course (each enrolment writes one): an index on (actor_id, action) would make it one lookup.
const readPretestSkipped = (db: DbLike) =>
	db
		.select({ id: auditLog.id })
		.from(auditLog)
		.where(
			and(
				eq(auditLog.actorId, sql.placeholder('userId')),
				eq(auditLog.action, PRETEST_SKIPPED),
				eq(auditLog.subjectType, 'course'),
				eq(auditLog.subjectId, sql.placeholder('courseId'))
			)
		)
		.prepare();

function pretestState(
	db: DbLike,
	{ userId, courseId, finalId }: { userId: string; courseId: number; finalId: number }
): NonNullable<NextStepFacts['pretest']> {
	const attempt = preparedOn(db, readPretestAttempt).get({ userId, finalId });
	if (attempt) return attempt.submittedAt ? 'taken' : 'open';
	const skipped = preparedOn(db, readPretestSkipped).get({ userId, courseId: String(courseId) });
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
