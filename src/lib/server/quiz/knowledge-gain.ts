import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { enrolment, quiz, quizAttempt, user } from '../db/schema/index.ts';

export type GainRow = {
	userId: string;
	name: string;
	pretest: number | null;
	final: number | null;
	gain: number | null;
};

/**
 * For trainers: each enrolled learner's pre-test score next to their best final assessment,
 * so the knowledge a course added can be seen (and reported to partners).
 */
export function knowledgeGain(db: Db, { courseId }: { courseId: number }): GainRow[] {
	const final = db
		.select({ id: quiz.id })
		.from(quiz)
		.where(and(eq(quiz.courseId, courseId), eq(quiz.slug, 'final')))
		.get();
	const learners = db
		.select({ userId: enrolment.userId, name: user.name })
		.from(enrolment)
		.innerJoin(user, eq(user.id, enrolment.userId))
		.where(eq(enrolment.courseId, courseId))
		.orderBy(asc(user.name))
		.all();
	if (!final) return learners.map((l) => ({ ...l, pretest: null, final: null, gain: null }));
	const attempts = db
		.select({
			userId: quizAttempt.userId,
			kind: quizAttempt.kind,
			percentage: quizAttempt.percentage
		})
		.from(quizAttempt)
		.where(and(eq(quizAttempt.quizId, final.id), isNotNull(quizAttempt.submittedAt)))
		.all();
	return learners.map((l) => {
		const mine = attempts.filter((a) => a.userId === l.userId && a.percentage !== null);
		const pre = mine.find((a) => a.kind === 'pretest')?.percentage ?? null;
		const finals = mine.flatMap((a) =>
			a.kind === 'attempt' && a.percentage !== null ? [a.percentage] : []
		);
		const best = finals.length ? Math.max(...finals) : null;
		return {
			...l,
			pretest: pre,
			final: best,
			gain: pre !== null && best !== null ? Math.round((best - pre) * 100) / 100 : null
		};
	});
}
