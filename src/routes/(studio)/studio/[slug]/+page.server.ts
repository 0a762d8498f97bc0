import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canEditDraft, canManageRoles, canPublish } from '$lib/server/access/index';
import { draftOutline } from '$lib/server/studio/outline';
import { publishDraft, type Bump } from '$lib/server/studio/publish';
import { setTitles } from '$lib/server/studio/metadata';
import { moveItem } from '$lib/server/studio/reorder';
import { grantStudioRole, listStudioRoles, revokeStudioRole } from '$lib/server/studio/roles';
import { STUDIO_ROLES, type StudioRoleName } from '$lib/server/db/schema/index';
import { isLocale, LOCALES, type Locale } from '$lib/server/text/localised';
import { errorText, refuse } from '$lib/i18n/errors.server';
import { openStudioCourse } from './studio-course.server';
import { openCommentCounts } from '$lib/server/studio/review/comments';
import { draftQuizzes } from '$lib/server/studio/quiz/quiz-files';

// One course in the studio: its draft's outline with translation status, publishing, roles.
export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'trainer');
	const { db } = event.locals.ctx;
	const { course, membership, hasDraft } = openStudioCourse(
		event.locals.ctx,
		user,
		event.params.slug
	);
	const manage = canManageRoles(user, membership);
	return {
		slug: course.slug,
		published: course.publishedVersionId === null ? null : course.version,
		hasDraft,
		outline: draftOutline(db, course.id, event.locals.locale),
		canEdit: canEditDraft(user, membership),
		canPublish: canPublish(user, membership),
		translatorOf: membership.roles.flatMap((r) => r.languages ?? []),
		roles: manage ? listStudioRoles(db, course.id) : null,
		openComments: openCommentCounts(db, course.id),
		quizzes: draftQuizzes(db, course.id, event.locals.locale)
	};
};

const BUMPS: readonly Bump[] = ['patch', 'minor', 'major'];
const text = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v.trim() : '';
};

export const actions: Actions = {
	publish: async (event) => {
		const user = requireRole(event, 'trainer');
		const { course, membership } = openStudioCourse(event.locals.ctx, user, event.params.slug);
		allow(canPublish(user, membership));
		const bump = text(await event.request.formData(), 'bump') as Bump;
		if (!BUMPS.includes(bump)) return fail(400, { message: errorText('invalid_choice') });
		const r = publishDraft(event.locals.ctx.db, { actorId: user.id, courseId: course.id, bump });
		if (!r.ok) return fail(422, { problems: r.problems });
		return { published: r.version, warnings: r.warnings };
	},
	titles: async (event) => {
		const user = requireRole(event, 'trainer');
		const { course, membership } = openStudioCourse(event.locals.ctx, user, event.params.slug);
		allow(canEditDraft(user, membership));
		const form = await event.request.formData();
		const file = text(form, 'file');
		const titles = Object.fromEntries(
			LOCALES.filter((l) => form.has(`title_${l}`)).map((l) => [l, text(form, `title_${l}`)])
		);
		try {
			setTitles(event.locals.ctx.db, { actorId: user.id, courseId: course.id, file, titles });
		} catch (e) {
			return refuse(e, { file });
		}
		return { titlesSaved: file };
	},
	move: async (event) => {
		const user = requireRole(event, 'trainer');
		const { course, membership } = openStudioCourse(event.locals.ctx, user, event.params.slug);
		allow(canEditDraft(user, membership));
		const form = await event.request.formData();
		const direction = text(form, 'direction');
		if (direction !== 'up' && direction !== 'down')
			return fail(400, { message: errorText('invalid_choice') });
		try {
			moveItem(event.locals.ctx.db, {
				actorId: user.id,
				courseId: course.id,
				item: text(form, 'item'),
				direction
			});
		} catch (e) {
			return refuse(e);
		}
		return { moved: true };
	},
	grant: async (event) => {
		const user = requireRole(event, 'trainer');
		const { course, membership } = openStudioCourse(event.locals.ctx, user, event.params.slug);
		allow(canManageRoles(user, membership));
		const form = await event.request.formData();
		const role = text(form, 'role') as StudioRoleName;
		const email = text(form, 'email');
		const languages = form.getAll('languages').filter((l): l is Locale => isLocale(l));
		if (!STUDIO_ROLES.includes(role)) {
			const message = errorText('invalid_choice');
			return fail(400, { message, email, errors: { role: message } });
		}
		try {
			grantStudioRole(event.locals.ctx.db, {
				actorId: user.id,
				courseId: course.id,
				email,
				role,
				languages
			});
		} catch (e) {
			return refuse(e, { email });
		}
		return { granted: true };
	},
	revoke: async (event) => {
		const user = requireRole(event, 'trainer');
		const { course, membership } = openStudioCourse(event.locals.ctx, user, event.params.slug);
		allow(canManageRoles(user, membership));
		const form = await event.request.formData();
		const role = text(form, 'role') as StudioRoleName;
		if (!STUDIO_ROLES.includes(role)) return fail(400, { message: errorText('invalid_choice') });
		try {
			revokeStudioRole(event.locals.ctx.db, {
				actorId: user.id,
				courseId: course.id,
				userId: text(form, 'userId'),
				role
			});
		} catch (e) {
			return refuse(e);
		}
		return { revoked: true };
	}
};
