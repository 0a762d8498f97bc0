import { and, eq, notInArray } from 'drizzle-orm';
import type { Tx } from '../../db/index.ts';
import { lesson, lessonText, question, quiz } from '../../db/schema/index.ts';
import type { Lesson, Quiz } from '../types.ts';

export type RenderedText = { html: string; wordCount: number };
/** Rendered HTML per lesson text, keyed `module/lesson/locale`; rendered before the transaction. */
export type Rendered = Map<string, RenderedText>;

type LessonWrite = { moduleId: number; moduleSlug: string; lesson: Lesson; rendered: Rendered };

/** Upserts a lesson and its text per locale by slug, so progress rows keep pointing at it. */
export function writeLesson(
	tx: Tx,
	{ moduleId, moduleSlug, lesson: l, rendered }: LessonWrite
): void {
	const texts = Object.values(l.texts);
	const values = { position: l.position, minutes: texts[0]?.minutes ?? 1, archived: false };
	const lessonId = tx
		.insert(lesson)
		.values({ moduleId, slug: l.slug, ...values })
		.onConflictDoUpdate({ target: [lesson.moduleId, lesson.slug], set: values })
		.returning({ id: lesson.id })
		.get().id;
	for (const t of texts) {
		const r = rendered.get(`${moduleSlug}/${l.slug}/${t.locale}`) ?? { html: '', wordCount: 0 };
		const set = {
			title: t.title,
			markdown: t.markdown,
			html: r.html,
			sources: t.sources,
			wordCount: r.wordCount
		};
		tx.insert(lessonText)
			.values({ lessonId, locale: t.locale, ...set })
			.onConflictDoUpdate({ target: [lessonText.lessonId, lessonText.locale], set })
			.run();
	}
	// Text in a locale the course no longer offers is not progress: it goes.
	tx.delete(lessonText)
		.where(
			and(
				eq(lessonText.lessonId, lessonId),
				notInArray(
					lessonText.locale,
					texts.map((t) => t.locale)
				)
			)
		)
		.run();
}

/** Upserts a quiz and its questions by stable id; settings and bodies take the new text. */
export function writeQuiz(
	tx: Tx,
	{ courseId, moduleId, quiz: q }: { courseId: number; moduleId: number | null; quiz: Quiz }
): void {
	const set = { moduleId, settings: q.settings, archived: false };
	const quizId = tx
		.insert(quiz)
		.values({ courseId, slug: q.slug, ...set })
		.onConflictDoUpdate({ target: [quiz.courseId, quiz.slug], set })
		.returning({ id: quiz.id })
		.get().id;
	q.questions.forEach((item, position) => {
		const values = {
			position,
			type: item.type,
			points: item.points,
			body: item.body,
			archived: false
		};
		tx.insert(question)
			.values({ quizId, questionId: item.id, ...values })
			.onConflictDoUpdate({ target: [question.quizId, question.questionId], set: values })
			.run();
	});
}
