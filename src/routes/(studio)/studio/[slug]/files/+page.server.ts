import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canEditDraft } from '$lib/server/access/index';
import { importDraftZip } from '$lib/server/studio/files/zip-import';
import { ZIP_LIMITS } from '$lib/server/studio/files/zip-read';
import { DomainError } from '$lib/server/errors';
import { errorText, refuse } from '$lib/i18n/errors.server';
import { openStudioCourse } from '../studio-course.server';

// The course as files: download the draft as a zip, or replace the draft with an uploaded one.
export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'trainer');
	const { course, membership } = openStudioCourse(event.locals.ctx, user, event.params.slug);
	return { slug: course.slug, canEdit: canEditDraft(user, membership) };
};

export const actions: Actions = {
	upload: async (event) => {
		const user = requireRole(event, 'trainer');
		const { course, membership } = openStudioCourse(event.locals.ctx, user, event.params.slug);
		allow(canEditDraft(user, membership));
		const file = (await event.request.formData()).get('zip');
		if (!(file instanceof File) || file.size === 0) {
			const message = errorText('required');
			return fail(400, { message, errors: { zip: message } });
		}
		try {
			if (file.size > ZIP_LIMITS.bytes) throw new DomainError('zip_too_large', 'zip');
			const r = await importDraftZip(event.locals.ctx.db, {
				actorId: user.id,
				courseId: course.id,
				slug: course.slug,
				bytes: new Uint8Array(await file.arrayBuffer()),
				dataDir: event.locals.ctx.config.dataDir
			});
			if (!r.ok) return fail(422, { problems: r.problems });
			return { imported: r.changed.length };
		} catch (e) {
			return refuse(e);
		}
	}
};
