import type { DbLike } from '../db/index.ts';
import { cachedContent } from '../courses/cache.ts';
import { currentCourseMeta } from '../courses/current-meta.ts';
import { renderInline } from '../courses/render/inline.ts';
import type { Locale } from '../text/localised.ts';

export type LessonExtrasView = {
	/** "In this lesson you will…", in the language of the text shown. */
	outcomes: string[];
	activityMinutes: number;
	fictional: boolean;
	/** The lesson's sources as sanitised inline HTML (links kept). */
	sources: string[];
};

/**
 * What the reader shows around a lesson's text, from the version's extras (course format 2).
 * Rendering the sources' inline Markdown was a quarter of the lesson page's CPU time, so the
 * result is kept per content version like the lesson's own HTML.
 */
export function lessonExtras(
	db: DbLike,
	options: {
		courseId: number;
		moduleSlug: string;
		lessonSlug: string;
		locale: Locale;
		sources: string[];
	}
): LessonExtrasView {
	const { courseId, moduleSlug, lessonSlug, locale } = options;
	return cachedContent(db, `lesson-extras:${courseId}:${moduleSlug}/${lessonSlug}:${locale}`, () =>
		buildLessonExtras(db, options)
	);
}

function buildLessonExtras(
	db: DbLike,
	{
		courseId,
		moduleSlug,
		lessonSlug,
		locale,
		sources
	}: { courseId: number; moduleSlug: string; lessonSlug: string; locale: Locale; sources: string[] }
): LessonExtrasView {
	const extras = currentCourseMeta(db, courseId)?.extras?.lessons[`${moduleSlug}/${lessonSlug}`];
	return {
		outcomes: extras?.outcomes[locale] ?? [],
		activityMinutes: extras?.activityMinutes ?? 0,
		fictional: extras?.case === 'fictional',
		sources: sources.map((s) => renderInline(s, locale))
	};
}
