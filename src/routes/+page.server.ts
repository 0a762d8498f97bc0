import type { PageServerLoad } from './$types';
import { catalogFor } from '$lib/server/learning/course-view';
import { localeOrder, localText } from '$lib/server/text/localised';
import { welcomeFor } from '$lib/server/learning/welcome';

// The home page is links and text: no framework JavaScript (issue 15, under 20 KB).
export const csr = false;

export const load: PageServerLoad = ({ locals }) => {
	const viewer = locals.user ? { id: locals.user.id, role: locals.user.role } : null;
	return {
		welcome: locals.user ? welcomeFor(locals.ctx.db, { userId: locals.user.id }) : null,
		courses: catalogFor(locals.ctx.db, { viewer })
			.filter((c) => c.published)
			.map((c) => ({
				slug: c.slug,
				theme: c.theme,
				title: localText(c.title, localeOrder(locals.locale, c.locales)),
				summary: localText(c.summary, localeOrder(locals.locale, c.locales)),
				progress: c.progress
			}))
	};
};
