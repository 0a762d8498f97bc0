import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { DomainError } from '$lib/server/errors';
import { joinWithCode, lookUpInvite, REFUSAL } from '$lib/server/cohorts/invites';
import { findCourse } from '$lib/server/learning/catalog';
import { localeOrder, localText } from '$lib/server/text/localised';
import { refuse } from '$lib/i18n/errors.server';

// A join link: anyone may open it and see which cohort it is for; signed-in people join (and
// are enrolled in the course). An unknown, expired, withdrawn or full code is refused with its
// reason in the reader's language (the error table's 404, 410 or 409).
export const load: PageServerLoad = (event) => {
	const { db } = event.locals.ctx;
	const found = lookUpInvite(db, event.params.joinCode);
	if (!found) throw new DomainError('join_code_unknown');
	if (found.state !== 'open') throw new DomainError(REFUSAL[found.state]);
	const course = findCourse(db, { slug: found.courseSlug, includeUnpublished: true });
	const order = localeOrder(event.locals.locale, course?.locales);
	return {
		cohort: found.cohortName,
		course: course ? localText(course.title, order) : found.courseSlug,
		signedIn: event.locals.user !== null,
		back: event.url.pathname
	};
};

export const actions: Actions = {
	default: (event) => {
		const user = requireRole(event);
		let slug: string;
		try {
			slug = joinWithCode(event.locals.ctx.db, {
				userId: user.id,
				code: event.params.joinCode
			}).courseSlug;
		} catch (e) {
			return refuse(e);
		}
		redirect(303, `/${event.locals.locale}/courses/${slug}`);
	}
};
