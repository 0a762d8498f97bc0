import type { PageServerLoad } from './$types';
import { catalogFor } from '$lib/server/learning/course-view';
import { localeOrder, pick } from '$lib/server/learning/types';

export const load: PageServerLoad = ({ locals }) => {
	const viewer = locals.user ? { id: locals.user.id, role: locals.user.role } : null;
	return {
		courses: catalogFor(locals.ctx.db, { viewer })
			.filter((c) => c.published)
			.map((c) => ({
				slug: c.slug,
				theme: c.theme,
				title: pick(c.title, localeOrder(locals.locale, c.locales)),
				summary: pick(c.summary, localeOrder(locals.locale, c.locales)),
				progress: c.progress
			}))
	};
};
