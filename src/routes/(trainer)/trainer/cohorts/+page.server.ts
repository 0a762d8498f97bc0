import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canCreateCohort, courseStaff } from '$lib/server/access/index';
import { createCohort, listCohorts } from '$lib/server/cohorts/cohorts';
import { listCourses } from '$lib/server/learning/catalog';
import { listPlaces } from '$lib/server/accounts/places';
import { CohortForm } from '$lib/server/input/cohorts';
import { parseForm } from '$lib/server/input/check';
import { localeOrder, localText } from '$lib/server/text/localised';
import { errorText, errorTexts, refuse } from '$lib/i18n/errors.server';

// The cohorts a trainer runs (all of them for admins), and opening one for a course they train.
export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'trainer');
	const { db } = event.locals.ctx;
	const order = localeOrder(event.locals.locale);
	const courses = listCourses(db, { includeUnpublished: true });
	const titles = new Map(courses.map((c) => [c.id, localText(c.title, order)]));
	return {
		cohorts: listCohorts(db, user).map((c) => ({
			id: c.id,
			name: c.name,
			course: titles.get(c.courseId) ?? c.courseSlug,
			startsOn: c.startsOn,
			endsOn: c.endsOn,
			members: c.members
		})),
		courses: courses
			.filter((c) => canCreateCohort(user, courseStaff(db, c.id)))
			.map((c) => ({ id: c.id, title: localText(c.title, order) })),
		governorates: listPlaces(db, event.locals.locale).map((g) => ({ id: g.id, name: g.name }))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'trainer');
		const { db } = event.locals.ctx;
		const form = await event.request.formData();
		const courseId = Number(form.get('courseId'));
		if (!Number.isSafeInteger(courseId) || courseId <= 0) {
			const message = errorText('invalid_choice');
			return fail(400, { message, errors: { courseId: message } });
		}
		allow(canCreateCohort(user, courseStaff(db, courseId)));
		const parsed = parseForm(CohortForm, form);
		if (!parsed.ok) {
			const errors = errorTexts(parsed.errors);
			return fail(400, {
				values: parsed.echo,
				courseId,
				errors,
				message: Object.values(errors)[0]
			});
		}
		let id: number;
		try {
			id = createCohort(db, { actor: user, courseId, input: parsed.value }).id;
		} catch (e) {
			return refuse(e, { values: parsed.value, courseId });
		}
		redirect(303, `/${event.locals.locale}/trainer/cohorts/${String(id)}/manage`);
	}
};
