// When the final assessment opens: once the course's prerequisites are met. The default is every
// required module quiz passed; course.yaml `completion.finalOpens: always` relaxes it.
import type { DbLike } from '../../db/index.ts';
import { currentCourseMeta } from '../../courses/current-meta.ts';
import { isAssignmentSlug } from '../../courses/assignments.ts';
import type { CourseMeta } from '../../courses/types.ts';
import { DomainError } from '../../errors.ts';
import type { Localised } from '../../text/localised.ts';
import { quizStatusForCourse } from './status.ts';

export type GateQuiz = { slug: string; title: Localised; passed: boolean };

/** What still keeps the final closed: the module quizzes to pass first (empty when open). */
export type FinalGate = { open: boolean; missing: { slug: string; title: Localised }[] };

/** The rule, as a pure function of the completion settings and the module quizzes' standing. */
export function evaluateFinalGate(
	rule: Pick<CourseMeta['completion'], 'moduleQuizzes' | 'finalOpens'>,
	moduleQuizzes: readonly GateQuiz[]
): FinalGate {
	const gated = (rule.finalOpens ?? 'afterQuizzes') === 'afterQuizzes';
	const required = gated && rule.moduleQuizzes === 'passed';
	const missing = required
		? moduleQuizzes.filter((q) => !q.passed).map(({ slug, title }) => ({ slug, title }))
		: [];
	return { open: missing.length === 0, missing };
}

/** Where a learner stands against the final's prerequisites in a course. */
export function finalGate(
	db: DbLike,
	{ userId, courseId }: { userId: string; courseId: number }
): FinalGate {
	const meta = currentCourseMeta(db, courseId);
	if (!meta) return { open: true, missing: [] };
	const quizzes = quizStatusForCourse(db, { userId, courseId }).filter(
		(q) => q.slug !== 'final' && !isAssignmentSlug(q.slug)
	);
	return evaluateFinalGate(meta.completion, quizzes);
}

/** Refuses ('final_locked' { missing }) while the final's prerequisites are not met. */
export function requireFinalOpen(db: DbLike, input: { userId: string; courseId: number }): void {
	const gate = finalGate(db, input);
	if (!gate.open)
		throw new DomainError('final_locked', undefined, { missing: gate.missing.length });
}
