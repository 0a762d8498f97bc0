import type { PageServerLoad } from './$types';
import { catalogFor } from '$lib/server/learning/course-view';
import { localeOrder, localText, type Locale } from '$lib/server/text/localised';
import { searchCourses } from '$lib/server/search/query';

// Search is a GET form and the results are links: no framework JavaScript (issue 15).
export const csr = false;

const THEMES = ['urban-planning', 'participatory-governance', 'gender', 'other'];

export const load: PageServerLoad = ({ locals, url }) => {
	const { db } = locals.ctx;
	const viewer = locals.user ? { id: locals.user.id, role: locals.user.role } : null;
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
	const askedTheme = url.searchParams.get('theme') ?? '';
	const theme = THEMES.includes(askedTheme) ? askedTheme : '';
	const lang = ['ar', 'fr', 'en'].includes(url.searchParams.get('lang') ?? '')
		? (url.searchParams.get('lang') as Locale)
		: '';
	let courses = catalogFor(db, { viewer }).filter(
		(c) => (!theme || c.theme === theme) && (!lang || c.locales.includes(lang))
	);
	let hits: ReturnType<typeof searchCourses> = [];
	if (q) {
		const summaries = new Map(courses.map((c) => [c.id, { title: c.title, summary: c.summary }]));
		hits = searchCourses(db, { query: q, courseIds: courses.map((c) => c.id), summaries });
		const rank = new Map(hits.map((h, i) => [h.courseId, i]));
		courses = courses
			.filter((c) => rank.has(c.id))
			.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
	}
	const order = (c: { locales: Locale[] }) => localeOrder(locals.locale, c.locales);
	return {
		q,
		theme,
		lang,
		themes: THEMES.slice(0, 3),
		courses: courses.map((c) => ({
			slug: c.slug,
			title: localText(c.title, order(c)),
			summary: localText(c.summary, order(c)),
			theme: c.theme,
			level: c.level,
			hours: c.hours,
			locales: c.locales,
			lessons: c.lessonCount,
			progress: c.progress,
			published: c.published,
			hits: (hits.find((h) => h.courseId === c.id)?.hits ?? []).map((h) => ({
				title: h.title,
				locale: h.locale,
				path: h.moduleSlug
					? `/courses/${c.slug}/${h.moduleSlug}/${h.lessonSlug}`
					: `/courses/${c.slug}`,
				snippet: h.snippet
			}))
		}))
	};
};
