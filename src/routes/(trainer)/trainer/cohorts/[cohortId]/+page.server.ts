import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runCohort } from './cohort.server';
import { cohortOverview } from '$lib/server/cohorts/overview';
import { readGridQuery, viewGrid } from '$lib/server/cohorts/grid-view';
import { dueDatesOf } from '$lib/server/cohorts/due-dates';
import { cohortCourseSlug } from '$lib/server/cohorts/cohorts';
import { localeOrder, localText } from '$lib/server/text/localised';
import { INTL_LOCALE } from '$lib/i18n/intl-locales';
import { cohortAnnouncements, postAnnouncement } from '$lib/server/cohorts/announcements';
import { notifyAnnouncement } from '$lib/server/cohorts/announcement-mail';
import { AnnouncementForm } from '$lib/server/input/cohorts';
import { parseForm } from '$lib/server/input/check';
import { errorTexts, refuse } from '$lib/i18n/errors.server';

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
		courseSlug: cohortCourseSlug(db, cohort.courseId),
		announcements: cohortAnnouncements(db, { cohortId: cohort.id }),
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

export const actions: Actions = {
	/** A short message to the cohort's learners, shown on their "My learning" and course page. */
	announce: async (event) => {
		const { user, cohort } = runCohort(event);
		const parsed = parseForm(AnnouncementForm, await event.request.formData());
		if (!parsed.ok) return fail(400, { body: parsed.echo.body, errors: errorTexts(parsed.errors) });
		const { db, config } = event.locals.ctx;
		let announcementId: number;
		try {
			announcementId = postAnnouncement(db, {
				actorId: user.id,
				cohortId: cohort.id,
				body: parsed.value.body
			});
		} catch (e) {
			return refuse(e);
		}
		// Members are mailed after the answer when SMTP is set (notifyAnnouncement never throws).
		void notifyAnnouncement(db, { announcementId, origin: config.origin, mail: config });
		return { announced: true };
	}
};
