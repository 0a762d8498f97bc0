import type { Locale, LocalisedList } from '../../text/localised.ts';
import { renderLesson } from '../render/render.ts';
import type { Course, LessonExtras, RenderedPage, VersionExtras } from '../types.ts';
import { lessonHref } from './lesson-href.ts';

/**
 * What a version keeps beyond its rows: lesson outcomes, exercise time and case, and the
 * worksheets and facilitator guide rendered once (sanitised by the lesson renderer).
 */
export function renderExtras(c: Course): VersionExtras {
	const lessons: Record<string, LessonExtras> = {};
	for (const m of c.modules)
		for (const l of m.lessons) {
			const texts = c.locales.flatMap((locale) => l.texts[locale] ?? []);
			const outcomes: LocalisedList = {};
			for (const t of Object.values(l.texts))
				if (t.outcomes.length) outcomes[t.locale] = t.outcomes;
			lessons[`${m.slug}/${l.slug}`] = {
				outcomes,
				activityMinutes: texts[0]?.activityMinutes ?? 0,
				case: texts.find((t) => t.case !== null)?.case ?? null
			};
		}
	const page = (locale: Locale, markdown: string, head: Omit<RenderedPage, 'html'>) => ({
		...head,
		html: renderLesson(markdown, { locale, rewriteUrl: lessonHref })
	});
	const worksheets = c.worksheets.map((w) => ({
		slug: w.slug,
		position: w.position,
		texts: Object.fromEntries(
			Object.values(w.texts).map((t) => [
				t.locale,
				page(t.locale, t.markdown, { title: t.title, purpose: t.purpose })
			])
		)
	}));
	const facilitator = Object.fromEntries(
		Object.values(c.facilitator).map((t) => [
			t.locale,
			page(t.locale, t.markdown, { title: t.title })
		])
	);
	return { lessons, worksheets, facilitator };
}
