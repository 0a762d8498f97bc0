import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canDecideImportConflict } from '$lib/server/access/index';
import {
	keepStudioVersion,
	listImportConflicts,
	takeFiles
} from '$lib/server/studio/review/import-conflicts';
import { localeOrder, localText } from '$lib/server/text/localised';
import { errorText, refuse } from '$lib/i18n/errors.server';

// Studio courses whose files changed: keep the studio's version, or take the files (confirmed).
export const load: PageServerLoad = (event) => {
	allow(canDecideImportConflict(requireRole(event)));
	const { db, config } = event.locals.ctx;
	const order = localeOrder(event.locals.locale);
	return {
		conflicts: listImportConflicts(db, { coursesDir: config.coursesDir }).map(
			({ title, ...c }) => ({ ...c, title: title ? localText(title, order) : c.slug })
		)
	};
};

async function decision(event: RequestEvent) {
	const admin = requireRole(event);
	allow(canDecideImportConflict(admin));
	const form = await event.request.formData();
	const courseId = Number(form.get('courseId'));
	return {
		admin,
		form,
		courseId: Number.isSafeInteger(courseId) && courseId > 0 ? courseId : null
	};
}

export const actions: Actions = {
	keep: async (event) => {
		const { admin, courseId } = await decision(event);
		if (courseId === null) return fail(400, { message: errorText('invalid_choice') });
		try {
			keepStudioVersion(event.locals.ctx.db, { actorId: admin.id, courseId });
		} catch (e) {
			return refuse(e);
		}
		return { kept: courseId };
	},
	// Without `confirm`, the answer is the confirmation step; with it, the draft is replaced.
	take: async (event) => {
		const { admin, form, courseId } = await decision(event);
		if (courseId === null) return fail(400, { message: errorText('invalid_choice') });
		if (form.get('confirm') !== 'yes') return { confirm: courseId };
		try {
			takeFiles(event.locals.ctx.db, {
				actorId: admin.id,
				courseId,
				coursesDir: event.locals.ctx.config.coursesDir
			});
		} catch (e) {
			return refuse(e);
		}
		return { taken: courseId };
	}
};
