import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { lesson, lessonText, module } from '../db/schema/index.ts';
import { htmlToText, snippet, type Segment } from './snippet.ts';
import { matchQuery } from './tokens.ts';

export type SearchHit = {
	lessonId: number | null;
	locale: string;
	title: string;
	moduleSlug: string | null;
	lessonSlug: string | null;
	snippet: Segment[];
};
export type CourseHits = { courseId: number; hits: SearchHit[] };

type Row = { course_id: number; lesson_id: number | null; locale: string; rank: number };

/**
 * Courses matching a query, best first, each with up to three hits (the course itself or its
 * lessons) and a highlighted excerpt in the text's own letters. `summaries` gives the
 * course-level text (title and summary per locale) for course hits.
 */
export function searchCourses(
	db: Db,
	{
		query,
		courseIds,
		summaries
	}: {
		query: string;
		courseIds: number[];
		summaries: Map<number, { title: Record<string, string>; summary: Record<string, string> }>;
	}
): CourseHits[] {
	const match = matchQuery(query);
	if (!match || courseIds.length === 0) return [];
	const rows = db.$client
		.prepare(
			// Title matches weigh five times body matches.
			`select course_id, lesson_id, locale, bm25(search_index, 0, 0, 0, 5.0, 1.0) as rank
			 from search_index where search_index match ? order by rank limit 200`
		)
		.all(match) as Row[];
	const allowed = new Set(courseIds);
	const byCourse = new Map<number, Row[]>();
	for (const r of rows) {
		if (!allowed.has(r.course_id)) continue;
		const list = byCourse.get(r.course_id) ?? [];
		if (list.length < 3) list.push(r);
		byCourse.set(r.course_id, list);
	}
	const lessonIds = [...byCourse.values()]
		.flat()
		.map((r) => r.lesson_id)
		.filter((id): id is number => id !== null);
	const texts = lessonIds.length
		? db
				.select({
					id: lesson.id,
					slug: lesson.slug,
					moduleSlug: module.slug,
					locale: lessonText.locale,
					title: lessonText.title,
					html: lessonText.html
				})
				.from(lessonText)
				.innerJoin(lesson, eq(lesson.id, lessonText.lessonId))
				.innerJoin(module, eq(module.id, lesson.moduleId))
				.where(and(inArray(lesson.id, lessonIds)))
				.all()
		: [];
	return [...byCourse].map(([courseId, hits]) => ({
		courseId,
		hits: hits.map((h): SearchHit => {
			if (h.lesson_id === null) {
				const s = summaries.get(courseId);
				const text = s?.summary[h.locale] ?? '';
				return {
					lessonId: null,
					locale: h.locale,
					title: s?.title[h.locale] ?? '',
					moduleSlug: null,
					lessonSlug: null,
					snippet: snippet(text, query)
				};
			}
			const t = texts.find((x) => x.id === h.lesson_id && x.locale === h.locale);
			if (!t) throw new Error(`search hit on lesson ${h.lesson_id} has no ${h.locale} text`);
			return {
				lessonId: h.lesson_id,
				locale: h.locale,
				title: t.title,
				moduleSlug: t.moduleSlug,
				lessonSlug: t.slug,
				snippet: snippet(htmlToText(t.html), query)
			};
		})
	}));
}
