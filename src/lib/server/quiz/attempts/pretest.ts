// The pre-test: what a learner knows before the course, measured on the final's own pool.
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { quiz, quizAttempt, type QuizAttempt } from '../../db/schema/index.ts';
import { DomainError } from '../../errors.ts';
import { courseMeta } from './load.ts';
import { beginAttempt } from './create.ts';
import type { Locale } from '../../text/localised.ts';

type Pretest = { userId: string; courseId: number; locale: Locale; now?: Date };

/**
 * Starts the course's pre-test (`pretest: N` questions drawn from the final's pool), or returns
 * the one already taken or open: it is taken once and never counts for completion. It shows no
 * feedback and no answers, which would give the final away.
 */
export function startPretest(
	db: Db,
	{ userId, courseId, locale, now = new Date() }: Pretest
): QuizAttempt {
	return beginAttempt(
		db,
		{ userId, kind: 'pretest', locale, now },
		{
			source: (tx) => {
				const size = courseMeta(tx, courseId)?.pretest;
				const final = tx
					.select({ id: quiz.id })
					.from(quiz)
					.where(and(eq(quiz.courseId, courseId), eq(quiz.slug, 'final'), eq(quiz.archived, false)))
					.get();
				if (typeof size !== 'number' || size < 1 || !final) throw new DomainError('no_pretest');
				return { quizId: final.id, courseId, size };
			},
			existing: (tx, key) =>
				tx
					.select()
					.from(quizAttempt)
					.where(
						and(
							eq(quizAttempt.userId, key.userId),
							eq(quizAttempt.quizId, key.quizId),
							eq(quizAttempt.kind, 'pretest')
						)
					)
					.orderBy(desc(quizAttempt.id))
					.get() ?? null,
			draw: (_tx, p) => ({
				draw: p.size,
				shuffleQuestions: true,
				shuffleOptions: true,
				settings: { passMark: null, feedback: 'none', showAnswers: 'never', timeLimitMinutes: 0 }
			})
		}
	);
}
