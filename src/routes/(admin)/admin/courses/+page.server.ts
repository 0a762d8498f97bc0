import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canAssignCourseTrainers } from '$lib/server/access/index';
import { getUser } from '$lib/server/accounts/users';
import { listTrainers } from '$lib/server/accounts/user-list';
import {
	assignCourseTrainer,
	listCourseTrainers,
	removeCourseTrainer
} from '$lib/server/courses/trainers';
import { listCourses } from '$lib/server/learning/catalog';
import { localeOrder, localText } from '$lib/server/text/localised';
import { errorText, refuse } from '$lib/i18n/errors.server';

// Admins say which trainer runs which course (course_role 'trainer'); every change is audited.
export const load: PageServerLoad = (event) => {
	allow(canAssignCourseTrainers(requireRole(event)));
	const { db } = event.locals.ctx;
	const order = localeOrder(event.locals.locale);
	const titles = new Map(
		listCourses(db, { includeUnpublished: true }).map((c) => [c.id, localText(c.title, order)])
	);
	return {
		courses: listCourseTrainers(db).map((c) => ({ ...c, title: titles.get(c.courseId) ?? c.slug })),
		trainers: listTrainers(db).map((u) => ({
			id: u.id,
			name: u.name,
			email: u.email
		}))
	};
};

/** The posted course and user, after the admin check; a malformed id is a 400, not a 500. */
async function assignment(event: RequestEvent) {
	const admin = requireRole(event);
	allow(canAssignCourseTrainers(admin));
	const form = await event.request.formData();
	const courseId = Number(form.get('courseId'));
	const posted = form.get('userId');
	const userId = typeof posted === 'string' ? posted : '';
	const valid = Number.isSafeInteger(courseId) && courseId > 0 && userId !== '';
	return { admin, courseId, userId, valid };
}

/** What the page says after a change: who, and which course. */
function done(event: RequestEvent, courseId: number, userId: string) {
	const slug = listCourseTrainers(event.locals.ctx.db).find((c) => c.courseId === courseId)?.slug;
	return { courseId, name: getUser(event.locals.ctx.db, userId)?.name ?? '', course: slug ?? '' };
}

export const actions: Actions = {
	add: async (event) => {
		const { admin, courseId, userId, valid } = await assignment(event);
		if (!valid) return fail(400, { courseId, message: errorText('invalid_choice') });
		const ip = event.getClientAddress();
		try {
			assignCourseTrainer(event.locals.ctx.db, { actorId: admin.id, courseId, userId, ip });
		} catch (e) {
			return refuse(e, { courseId });
		}
		return { added: done(event, courseId, userId) };
	},
	remove: async (event) => {
		const { admin, courseId, userId, valid } = await assignment(event);
		if (!valid) return fail(400, { courseId, message: errorText('invalid_choice') });
		const ip = event.getClientAddress();
		try {
			removeCourseTrainer(event.locals.ctx.db, { actorId: admin.id, courseId, userId, ip });
		} catch (e) {
			return refuse(e, { courseId });
		}
		return { removed: done(event, courseId, userId) };
	}
};
