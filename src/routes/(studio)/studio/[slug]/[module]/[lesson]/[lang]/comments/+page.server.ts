import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { allow, canComment, canResolveComment } from '$lib/server/access/index';
import { addComment, setCommentResolved } from '$lib/server/studio/review/comments';
import { errorText, refuse } from '$lib/i18n/errors.server';
import { lessonComments, openLessonComments } from './comments.server';

// A lesson's comment thread on its own page; its forms also post here from the lesson page, and
// a change returns there (a refusal stays here, with the text as typed).
export const load: PageServerLoad = (event) => {
	const { user, membership, lang, ref, lessonTitle } = openLessonComments(event);
	return {
		lang,
		lessonTitle,
		lessonPath: `/studio/${event.params.slug}/${ref.moduleSlug}/${ref.lessonSlug}/${lang}`,
		comments: lessonComments(event.locals.ctx.db, { user, membership, ref })
	};
};

const field = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};
const back = (event: RequestEvent, id: number) =>
	redirect(303, `${event.url.pathname.replace(/\/comments$/, '')}#comment-${String(id)}`);
const positiveId = (text: string) => {
	const n = Number(text);
	return /^\d+$/.test(text) && Number.isSafeInteger(n) && n > 0 ? n : null;
};

async function resolve(event: RequestEvent, resolved: boolean) {
	const { user, membership, ref } = openLessonComments(event);
	allow(canResolveComment(user, membership));
	const id = positiveId(field(await event.request.formData(), 'commentId'));
	if (id === null) return fail(400, { message: errorText('invalid_choice') });
	try {
		setCommentResolved(event.locals.ctx.db, {
			actorId: user.id,
			lesson: ref,
			commentId: id,
			resolved
		});
	} catch (e) {
		return refuse(e);
	}
	back(event, id);
}

export const actions: Actions = {
	add: async (event) => {
		const { user, membership, lang, ref } = openLessonComments(event);
		allow(canComment(user, membership));
		const form = await event.request.formData();
		const values = {
			body: field(form, 'body'),
			quote: field(form, 'quote'),
			parentId: field(form, 'parentId')
		};
		const parentId = values.parentId === '' ? null : positiveId(values.parentId);
		if (values.parentId !== '' && parentId === null)
			return fail(400, { values, message: errorText('invalid_choice') });
		let id: number;
		try {
			id = addComment(event.locals.ctx.db, {
				actorId: user.id,
				lesson: ref,
				locale: lang,
				body: values.body,
				quote: values.quote,
				parentId
			});
		} catch (e) {
			return refuse(e, { values });
		}
		back(event, id);
	},
	resolve: (event) => resolve(event, true),
	reopen: (event) => resolve(event, false)
};
