import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { lessonText } from '../db/schema/index.ts';
import { cachedContent } from '../courses/cache.ts';
import type { SyllabusModule } from './types.ts';
import { localeOrder, type Locale } from '../text/localised.ts';

export type LessonRef = { moduleSlug: string; lessonSlug: string };

export type ReaderLesson = {
	id: number;
	moduleId: number;
	moduleSlug: string;
	slug: string;
	minutes: number;
	/** The locale the text is in; differs from the requested one when it is missing. */
	locale: Locale;
	fallback: boolean;
	title: string;
	html: string;
	sources: string[];
	isFirstLesson: boolean;
	previous: LessonRef | null;
	next: LessonRef | null;
	position: { index: number; total: number };
};

/** Finds a lesson in the syllabus and its text in the best available locale. */
export function readLesson(
	db: Db,
	{
		modules,
		courseLocales,
		moduleSlug,
		lessonSlug,
		locale
	}: {
		modules: SyllabusModule[];
		courseLocales: Locale[];
		moduleSlug: string;
		lessonSlug: string;
		locale: Locale;
	}
): ReaderLesson | null {
	const flat = modules.flatMap((m) => m.lessons.map((l) => ({ m, l })));
	const index = flat.findIndex(({ m, l }) => m.slug === moduleSlug && l.slug === lessonSlug);
	const found = flat[index];
	if (!found) return null;
	const { m, l } = found;
	const texts = lessonTexts(db, l.id);
	const text = localeOrder(locale, courseLocales)
		.map((loc) => texts.find((t) => t.locale === loc))
		.find(Boolean);
	if (!text) return null;
	const ref = (i: number): LessonRef | null =>
		flat[i] ? { moduleSlug: flat[i].m.slug, lessonSlug: flat[i].l.slug } : null;
	return {
		id: l.id,
		moduleId: m.id,
		moduleSlug: m.slug,
		slug: l.slug,
		minutes: l.minutes,
		locale: text.locale,
		fallback: text.locale !== locale,
		title: text.title,
		html: text.html,
		sources: text.sources,
		isFirstLesson: index === 0,
		previous: ref(index - 1),
		next: ref(index + 1),
		position: { index: index + 1, total: flat.length }
	};
}

/** A lesson's rendered text in every locale it has: the same for every reader. */
function lessonTexts(db: Db, lessonId: number) {
	return cachedContent(db, `lesson:${lessonId}`, () =>
		db
			.select({
				locale: lessonText.locale,
				title: lessonText.title,
				html: lessonText.html,
				sources: lessonText.sources
			})
			.from(lessonText)
			.where(eq(lessonText.lessonId, lessonId))
			.all()
	);
}

/** Where a lesson id sits in the syllabus (for "continue" links). */
export function findLessonRef(
	modules: SyllabusModule[],
	lessonId: number | null
): LessonRef | null {
	if (lessonId === null) return null;
	for (const m of modules) {
		const l = m.lessons.find((x) => x.id === lessonId);
		if (l) return { moduleSlug: m.slug, lessonSlug: l.slug };
	}
	return null;
}
