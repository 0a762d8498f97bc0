import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { runCohort } from '../cohort.server';
import { allow, canFindLearnerByEmail } from '$lib/server/access/index';
import { confirmRoster, MAX_ROSTER_BYTES, previewRoster } from '$lib/server/cohorts/roster-preview';
import { mailPasswordLinks } from '$lib/server/cohorts/roster-mail';
import { findLearner, pickLearner } from '$lib/server/cohorts/roster-pick';
import { mailConfigured } from '$lib/server/mail/transport';
import { EmailForm } from '$lib/server/input/accounts';
import { parseForm } from '$lib/server/input/check';
import { errorText } from '$lib/i18n/errors.server';
import { shownPreview } from './preview.server';

// A cohort's roster: upload a CSV, preview every row, confirm; or add one learner by email.
export const load: PageServerLoad = (event) => {
	const { cohort } = runCohort(event);
	return {
		cohort: { id: cohort.id, name: cohort.name },
		mailEnabled: mailConfigured(event.locals.ctx.config),
		maxKb: MAX_ROSTER_BYTES / 1024
	};
};

async function posted(event: RequestEvent) {
	return { ...runCohort(event), form: await event.request.formData(), db: event.locals.ctx.db };
}

const text = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

export const actions: Actions = {
	preview: async (event) => {
		const { cohort, form, db } = await posted(event);
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { message: errorText('roster_empty') });
		if (file.size > MAX_ROSTER_BYTES) return fail(413, { message: errorText('roster_too_large') });
		const content = await file.text();
		const preview = previewRoster(db, { cohortId: cohort.id, text: content });
		if (!preview.ok) return fail(400, { message: errorText(preview.code) });
		return { preview: shownPreview(preview) };
	},
	confirm: async (event) => {
		const { user, cohort, form, db } = await posted(event);
		const { config } = event.locals.ctx;
		const content = text(form, 'content');
		const done = confirmRoster(db, {
			actorId: user.id,
			cohortId: cohort.id,
			text: content,
			digest: text(form, 'digest'),
			locale: event.locals.locale
		});
		if (!done.ok) return fail(400, { message: errorText(done.code) });
		if (!done.written)
			return fail(409, {
				message: errorText('roster_preview_stale'),
				preview: shownPreview(done.preview)
			});
		const { mailed, toHand } = await mailPasswordLinks(config, {
			links: done.links,
			origin: config.origin,
			cohort: cohort.name
		});
		return { done: { counts: done.counts, mailed, toHand } };
	},
	find: async (event) => {
		const { user, cohort, form, db } = await posted(event);
		allow(canFindLearnerByEmail(user));
		const parsed = parseForm(EmailForm, form);
		if (!parsed.ok)
			return fail(400, { email: parsed.echo.email ?? '', pickMessage: errorText('invalid_email') });
		const found = findLearner(db, { cohortId: cohort.id, email: parsed.value.email });
		return { email: parsed.value.email, found, searched: true };
	},
	pick: async (event) => {
		const { user, cohort, form, db } = await posted(event);
		allow(canFindLearnerByEmail(user));
		const parsed = parseForm(EmailForm, form);
		const picked = parsed.ok
			? pickLearner(db, { actorId: user.id, cohortId: cohort.id, email: parsed.value.email })
			: null;
		if (!picked)
			return fail(404, { email: parsed.ok ? parsed.value.email : '', searched: true, found: null });
		return { picked };
	}
};
