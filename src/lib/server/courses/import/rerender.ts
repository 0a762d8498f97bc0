// Lesson HTML is rendered at import and stored; a course whose files do not change is never
// imported again. So when the renderer changes, the stored HTML of every lesson is rendered anew
// once, and app_state['renderer'] records which renderer wrote what the database holds.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { appState, lesson, lessonText, module } from '../../db/schema/index.ts';
import { imageResolver, publishedImages } from '../media.ts';
import type { ImageResolver } from '../render/images.ts';
import { bumpContentVersion } from '../cache.ts';
import { RENDERER_VERSION } from '../render/version.ts';
import { renderStoredLesson } from './import-courses.ts';

const RENDERER = 'renderer';

/** Re-renders every stored lesson text if an older renderer wrote it; returns how many. */
export function refreshRenderedLessons(
	db: Db,
	{ now = new Date(), version = RENDERER_VERSION }: { now?: Date; version?: number } = {}
): number {
	const stored = db
		.select({ value: appState.value })
		.from(appState)
		.where(eq(appState.key, RENDERER))
		.get()?.value;
	if (stored === version) return 0;
	const resolvers = new Map<number, ImageResolver>();
	const resolverOf = (courseId: number) => {
		const known = resolvers.get(courseId);
		if (known) return known;
		const made = imageResolver(db, publishedImages(db, courseId));
		resolvers.set(courseId, made);
		return made;
	};
	const texts = db
		.select({
			id: lessonText.id,
			markdown: lessonText.markdown,
			locale: lessonText.locale,
			courseId: module.courseId
		})
		.from(lessonText)
		.innerJoin(lesson, eq(lesson.id, lessonText.lessonId))
		.innerJoin(module, eq(module.id, lesson.moduleId))
		.all()
		// Rendering is the slow part: done before the transaction opens.
		.map((t) => ({
			...t,
			html: renderStoredLesson(t.markdown, t.locale, resolverOf(t.courseId))
		}));
	db.transaction((tx) => {
		// First, as every change of published content (see courses/cache.ts).
		if (texts.length > 0) bumpContentVersion(tx, { db, now });
		for (const t of texts)
			tx.update(lessonText)
				.set({ html: t.html })
				// A text changed meanwhile keeps the HTML rendered with it.
				.where(and(eq(lessonText.id, t.id), eq(lessonText.markdown, t.markdown)))
				.run();
		tx.insert(appState)
			.values({ key: RENDERER, value: version, updatedAt: now })
			.onConflictDoUpdate({ target: appState.key, set: { value: version, updatedAt: now } })
			.run();
	});
	return texts.length;
}
