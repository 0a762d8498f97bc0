// Lesson HTML is rendered at import and stored; a course whose files do not change is never
// imported again. So when the renderer changes, the stored HTML of every lesson is rendered anew
// once, and app_state['renderer'] records which renderer wrote what the database holds.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { appState, lessonText } from '../../db/schema/index.ts';
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
	const texts = db
		.select({ id: lessonText.id, markdown: lessonText.markdown, locale: lessonText.locale })
		.from(lessonText)
		.all()
		// Rendering is the slow part: done before the transaction opens.
		.map((t) => ({ ...t, html: renderStoredLesson(t.markdown, t.locale) }));
	db.transaction((tx) => {
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
		if (texts.length > 0) bumpContentVersion(tx, { db, now });
	});
	return texts.length;
}
