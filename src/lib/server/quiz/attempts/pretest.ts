// The pre-test: what a learner knows before the course, measured on the final's own pool.
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { quiz, quizAttempt, type QuizAttempt } from '../../db/schema/index.ts';
import { DomainError } from '../../errors.ts';
import { drawQuestions, shuffle } from '../random.ts';
import { courseMeta, liveQuestions } from './load.ts';
import { insertAttempt, requireEnrolment } from './create.ts';
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
	return db.transaction(
		(tx) => {
			requireEnrolment(db, userId, courseId);
			const size = courseMeta(tx, courseId)?.pretest ?? null;
			const final = tx
				.select({ id: quiz.id })
				.from(quiz)
				.where(and(eq(quiz.courseId, courseId), eq(quiz.slug, 'final'), eq(quiz.archived, false)))
				.get();
			if (typeof size !== 'number' || size < 1 || !final) throw new DomainError('no_pretest');
			const key = { userId, quizId: final.id, kind: 'pretest' } as const;
			const taken = tx
				.select()
				.from(quizAttempt)
				.where(
					and(
						eq(quizAttempt.userId, userId),
						eq(quizAttempt.quizId, final.id),
						eq(quizAttempt.kind, 'pretest')
					)
				)
				.orderBy(desc(quizAttempt.id))
				.get();
			if (taken) return taken;
			const seed = randomUUID();
			const drawn = drawQuestions(liveQuestions(tx, final.id), { draw: size, seed });
			return insertAttempt(tx, {
				...key,
				locale,
				now,
				seed,
				settings: { passMark: null, feedback: 'none', showAnswers: 'never', timeLimitMinutes: 0 },
				questions: shuffle(drawn, `${seed}:order`),
				shuffleOptions: true
			});
		},
		{ behavior: 'immediate' }
	);
}
