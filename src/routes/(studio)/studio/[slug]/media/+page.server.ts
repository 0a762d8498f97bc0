import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canEditDraft, canTranslate } from '$lib/server/access/index';
import { draftOutline } from '$lib/server/studio/outline';
import { insertImage } from '$lib/server/studio/media/insert';
import { listDraftImages } from '$lib/server/studio/media/list';
import { draftLocales, uploadImage, type Alts } from '$lib/server/studio/media/upload';
import { MAX_UPLOAD_BYTES } from '$lib/server/studio/media/resize';
import { DomainError } from '$lib/server/errors';
import { LOCALES } from '$lib/server/text/localised';
import { errorText, refuse } from '$lib/i18n/errors.server';
import { openStudioCourse } from '../studio-course.server';

// A course's images: upload (alt text per course language), the draft's images, insert one.
export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'trainer');
	const { db } = event.locals.ctx;
	const { course, membership } = openStudioCourse(event.locals.ctx, user, event.params.slug);
	const outline = draftOutline(db, course.id, event.locals.locale);
	return {
		slug: course.slug,
		locales: draftLocales(db, course.id),
		images: listDraftImages(db, course.id),
		lessons: outline.modules.flatMap((m) =>
			m.lessons.map((l) => ({ stem: l.stem, title: `${m.title} › ${l.title}` }))
		),
		canEdit: canEditDraft(user, membership)
	};
};

const field = (form: FormData, name: string): string => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

const altsOf = (form: FormData): Alts =>
	Object.fromEntries(
		LOCALES.map((l) => [l, form.get(`alt_${l}`)]).filter(([, v]) => typeof v === 'string')
	) as Alts;

export const actions: Actions = {
	upload: async (event) => {
		const user = requireRole(event, 'trainer');
		const { course, membership } = openStudioCourse(event.locals.ctx, user, event.params.slug);
		allow(canEditDraft(user, membership));
		const form = await event.request.formData();
		const file = form.get('image');
		const alts = altsOf(form);
		if (!(file instanceof File) || file.size === 0) {
			const message = errorText('required');
			return fail(400, { message, alts, errors: { image: message } });
		}
		try {
			// Refused by its size before it is read whole; its bytes decide the rest.
			if (file.size > MAX_UPLOAD_BYTES) throw new DomainError('image_too_large', 'image');
			const uploaded = await uploadImage(event.locals.ctx.db, {
				actorId: user.id,
				courseId: course.id,
				bytes: new Uint8Array(await file.arrayBuffer()),
				fileName: file.name,
				alts,
				dataDir: event.locals.ctx.config.dataDir
			});
			return { uploaded, alts };
		} catch (e) {
			return refuse(e, { alts });
		}
	},
	insert: async (event) => {
		const user = requireRole(event, 'trainer');
		const { course, membership } = openStudioCourse(event.locals.ctx, user, event.params.slug);
		const form = await event.request.formData();
		const name = field(form, 'name');
		const stem = field(form, 'lesson');
		try {
			const languages = insertImage(event.locals.ctx.db, {
				actorId: user.id,
				courseId: course.id,
				name,
				stem,
				alts: altsOf(form),
				mayEdit: (l) => canTranslate(user, membership, l)
			});
			return { inserted: { name, stem, languages } };
		} catch (e) {
			return refuse(e, { insertName: name });
		}
	}
};
