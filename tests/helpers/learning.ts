import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/index.ts';
import { quiz, quizAttempt } from '../../src/lib/server/db/schema/index.ts';
import { syllabus } from '../../src/lib/server/learning/catalog.ts';
import { completeLesson } from '../../src/lib/server/learning/complete-lesson.ts';
import {
	saveAnswer,
	startAttempt,
	submitAttempt
} from '../../src/lib/server/quiz/attempts/index.ts';
import { ISSUER, rightResponse } from '../integration/quiz/fixture.ts';

type Locale = 'ar' | 'fr' | 'en';

/** Takes every quiz of a course once, the final last, answering everything right (the key from the snapshot). */
export function passAllQuizzes(
	db: Db,
	{
		userId,
		courseId,
		locale = 'fr',
		skip = [] as string[]
	}: { userId: string; courseId: number; locale?: Locale; skip?: string[] }
) {
	const quizzes = db
		.select()
		.from(quiz)
		.where(and(eq(quiz.courseId, courseId), eq(quiz.archived, false)))
		.all();
	// The final last: it opens once the module quizzes are passed (final-gate.ts).
	const ordered = [...quizzes].sort(
		(a, b) => Number(a.slug === 'final') - Number(b.slug === 'final')
	);
	for (const q of ordered.filter((x) => !skip.includes(x.slug))) {
		const attempt = startAttempt(db, { issuer: ISSUER, userId, quizId: q.id, locale });
		const row = db.select().from(quizAttempt).where(eq(quizAttempt.id, attempt.id)).get()!;
		for (const { question } of row.questions) {
			if (question.type === 'description') continue;
			saveAnswer(db, {
				issuer: ISSUER,
				attemptId: attempt.id,
				userId,
				questionId: question.id,
				response: rightResponse(question, locale)
			});
		}
		submitAttempt(db, { issuer: ISSUER, attemptId: attempt.id, userId });
	}
}

/** Marks lessons finished, all of them or all but the last `leave`. */
export function finishLessons(
	db: Db,
	{ userId, courseId, leave = 0 }: { userId: string; courseId: number; leave?: number }
) {
	const lessons = syllabus(db, courseId).flatMap((m) => m.lessons);
	for (const l of lessons.slice(0, lessons.length - leave))
		completeLesson(db, { issuer: ISSUER, userId, courseId, lessonId: l.id });
	return lessons;
}
