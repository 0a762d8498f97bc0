import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { canTranslate } from '$lib/server/access/index';
import { draftOutline } from '$lib/server/studio/outline';
import { translationWork } from '$lib/server/studio/translation-status';
import { LOCALES } from '$lib/server/text/localised';
import { openStudioCourse } from '../studio-course.server';

// The translator's list: per target language, the lessons missing or outdated (the source
// changed since the translation was last saved); the languages the user may edit come first.
export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'trainer');
	const { course, membership } = openStudioCourse(event.locals.ctx, user, event.params.slug);
	const outline = draftOutline(event.locals.ctx.db, course.id, event.locals.locale);
	const languages = translationWork(outline, LOCALES)
		.map((w) => ({ ...w, canWrite: canTranslate(user, membership, w.locale) }))
		.sort((a, b) => Number(b.canWrite) - Number(a.canWrite));
	return { slug: course.slug, title: outline.title, source: outline.source, languages };
};
