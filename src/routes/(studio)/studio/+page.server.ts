import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canCreateCourse } from '$lib/server/access/index';
import { listStudioCourses } from '$lib/server/studio/my-courses';
import { createStudioCourse } from '$lib/server/studio/create-course';
import { isLocale, LOCALES, type Localised } from '$lib/server/text/localised';
import { errorText, refuse } from '$lib/i18n/errors.server';

// The studio's home: the courses I work on, and starting a new one (I become its owner).
export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'trainer');
	const { db } = event.locals.ctx;
	return {
		courses: listStudioCourses(db, user, event.locals.locale),
		canCreate: canCreateCourse(user)
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'trainer');
		allow(canCreateCourse(user));
		const form = await event.request.formData();
		const field = (name: string) => {
			const v = form.get(name);
			return typeof v === 'string' ? v.trim() : '';
		};
		const values: Record<string, string> = {
			slug: field('slug'),
			source: field('source'),
			...Object.fromEntries(LOCALES.map((l) => [`title_${l}`, field(`title_${l}`)]))
		};
		const source = field('source');
		if (!isLocale(source)) {
			const message = errorText('invalid_choice');
			return fail(400, { values, message, errors: { source: message } });
		}
		const titles: Localised = {};
		for (const l of LOCALES) if (values[`title_${l}`]) titles[l] = values[`title_${l}`];
		const missing = LOCALES.find((l) => !titles[l]);
		const tooLong = LOCALES.find((l) => (titles[l] ?? '').length > 200);
		if (missing || tooLong) {
			const message = errorText(missing ? 'required' : 'too_long');
			return fail(400, { values, message, errors: { [`title_${missing ?? tooLong}`]: message } });
		}
		try {
			createStudioCourse(event.locals.ctx.db, {
				actorId: user.id,
				slug: field('slug'),
				source,
				titles
			});
		} catch (e) {
			return refuse(e, { values });
		}
		redirect(303, `/${event.locals.locale}/studio/${field('slug')}`);
	}
};
