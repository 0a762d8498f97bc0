import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { course, courseVersion, lesson, lessonText, module } from '../db/schema/index.ts';
import { htmlToText } from './snippet.ts';
import { indexText } from './tokens.ts';

type Meta = {
	title?: Record<string, string>;
	summary?: Record<string, string>;
	outcomes?: Record<string, string[]>;
};

/** Rebuilds the search index from the course tables (a few hundred rows: milliseconds). */
export function rebuildSearchIndex(db: Db): number {
	const courses = db
		.select({ id: course.id, meta: courseVersion.metadata })
		.from(course)
		.innerJoin(courseVersion, eq(courseVersion.id, course.currentVersionId))
		.where(eq(course.archived, false))
		.all();
	const lessons = db
		.select({
			courseId: module.courseId,
			lessonId: lesson.id,
			locale: lessonText.locale,
			title: lessonText.title,
			html: lessonText.html
		})
		.from(lessonText)
		.innerJoin(lesson, and(eq(lesson.id, lessonText.lessonId), eq(lesson.archived, false)))
		.innerJoin(module, and(eq(module.id, lesson.moduleId), eq(module.archived, false)))
		.all();
	const insert = db.$client.prepare(
		'insert into search_index (course_id, lesson_id, locale, title, body) values (?, ?, ?, ?, ?)'
	);
	let rows = 0;
	db.transaction((tx) => {
		tx.run(sql`delete from search_index`);
		for (const c of courses) {
			const m = c.meta as Meta;
			for (const [locale, title] of Object.entries(m.title ?? {})) {
				const body = [m.summary?.[locale] ?? '', ...(m.outcomes?.[locale] ?? [])].join(' ');
				insert.run(c.id, null, locale, indexText(title), indexText(body));
				rows++;
			}
		}
		for (const l of lessons) {
			insert.run(
				l.courseId,
				l.lessonId,
				l.locale,
				indexText(l.title),
				indexText(htmlToText(l.html))
			);
			rows++;
		}
	});
	return rows;
}
