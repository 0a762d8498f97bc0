import type { PageServerLoad } from './$types';
import { runCohort } from './cohort.server';
import { cohortOverview } from '$lib/server/cohorts/overview';
import { readGridQuery, viewGrid } from '$lib/server/cohorts/grid-view';
import { dueDatesOf } from '$lib/server/cohorts/due-dates';
import { localeOrder, localText } from '$lib/server/text/localised';
import { INTL_LOCALE } from '$lib/i18n/intl-locales';

// The cohort's dashboard: totals and a learners × modules grid, server-rendered, sorted and
// filtered by query parameters (`sort`, `filter`, `risk`).
export const load: PageServerLoad = (event) => {
	const { cohort } = runCohort(event);
	const { db } = event.locals.ctx;
	const q = readGridQuery(event.url.searchParams);
	const o = cohortOverview(db, {
		cohortId: cohort.id,
		courseId: cohort.courseId,
		riskDays: q.riskDays
	});
	const order = localeOrder(event.locals.locale);
	const due = dueDatesOf(db, cohort.id);
	return {
		cohort: { id: cohort.id, name: cohort.name },
		query: q,
		totals: o.totals,
		modules: o.modules.map((mod) => ({
			id: mod.id,
			title: localText(mod.title, order),
			lessons: mod.lessons,
			hasQuiz: mod.hasQuiz,
			due: due.get(mod.id) ?? null
		})),
		rows: viewGrid(o.rows, q, INTL_LOCALE[event.locals.locale]).map((r) => ({
			userId: r.userId,
			name: r.name,
			email: r.email,
			lastActivity: r.lastActivity,
			cells: r.cells,
			started: r.started,
			completed: r.completed,
			certified: r.certified,
			atRisk: r.atRisk
		}))
	};
};
