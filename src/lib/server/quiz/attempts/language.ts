// Which language an attempt is shown in (issue 11 §7). An attempt is drawn in one language; it
// follows the interface when the quiz has that language and nothing is answered yet. Once an
// answer is saved it stays in its language: matching and ordering answers are stored as tokens of
// that language's texts, and grading reads them the same way.
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/index.ts';
import { attemptAnswer, quizAttempt, type QuizAttempt } from '../../db/schema/index.ts';
import type { Locale } from '../../text/localised.ts';
import { presentQuestion } from '../present.ts';
import { ownedAttempt } from './load.ts';

/** Why an attempt is not in the reader's language: answers already saved, or a missing translation. */
export type LanguageStay = { locale: Locale; reason: 'answered' | 'untranslated' } | null;

/** True when every question of the attempt has its prompt in `locale`. */
function translated(attempt: Pick<QuizAttempt, 'questions'>, locale: Locale): boolean {
	return attempt.questions.every(({ question }) => {
		const prompt = question.body.prompt as Record<string, unknown> | string | undefined;
		return (
			typeof prompt === 'object' && typeof prompt[locale] === 'string' && prompt[locale] !== ''
		);
	});
}

function answered(db: DbLike, attemptId: number): boolean {
	const n = db
		.select({ n: count() })
		.from(attemptAnswer)
		.where(eq(attemptAnswer.attemptId, attemptId))
		.get()?.n;
	return (n ?? 0) > 0;
}

/** Null when the attempt is (or can be) shown in `wanted`; otherwise its language and why not. */
export function attemptLanguageStay(
	db: DbLike,
	attempt: Pick<QuizAttempt, 'id' | 'locale' | 'questions' | 'submittedAt'>,
	wanted: Locale
): LanguageStay {
	if (attempt.locale === wanted) return null;
	if (!translated(attempt, wanted)) return { locale: attempt.locale, reason: 'untranslated' };
	if (attempt.submittedAt || answered(db, attempt.id))
		return { locale: attempt.locale, reason: 'answered' };
	return null;
}

/**
 * Redraws the presentation of an open, unanswered attempt in `locale` (same questions, same
 * order, same option order); returns the attempt's language afterwards.
 */
export function switchAttemptLanguage(
	db: Db,
	{ attemptId, userId, locale }: { attemptId: number; userId: string; locale: Locale }
): Locale {
	return db.transaction((tx) => {
		const attempt = ownedAttempt(tx, { attemptId, userId });
		if (attempt.submittedAt || attemptLanguageStay(tx, attempt, locale)) return attempt.locale;
		if (attempt.locale === locale) return locale;
		const questions = attempt.questions.map(({ question, presented }) => {
			const again = presentQuestion(question, {
				locale,
				shuffleOptions: false,
				seed: attempt.seed
			});
			// Options keep the order first shown; matches and items are shuffled by the seed alone.
			const order = (presented.options ?? []).map((o) => o.id);
			if (again.options && order.length)
				again.options = order.flatMap((id) => again.options?.filter((o) => o.id === id) ?? []);
			return { question, presented: again };
		});
		tx.update(quizAttempt)
			.set({ locale, questions })
			.where(and(eq(quizAttempt.id, attempt.id), isNull(quizAttempt.submittedAt)))
			.run();
		return locale;
	});
}
