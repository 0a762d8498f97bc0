import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { runCohort } from '../cohort.server';
import { listCohortTrainers, updateCohort } from '$lib/server/cohorts/cohorts';
import { addCohortTrainer, removeCohortTrainer } from '$lib/server/cohorts/trainers';
import { createInvite, inviteState, listInvites, revokeInvite } from '$lib/server/cohorts/invites';
import { dueDatesOf, setDueDates } from '$lib/server/cohorts/due-dates';
import { syllabus } from '$lib/server/learning/catalog';
import { listTrainers } from '$lib/server/accounts/user-list';
import { listPlaces } from '$lib/server/accounts/places';
import { CohortForm, InviteForm } from '$lib/server/input/cohorts';
import { parseForm } from '$lib/server/input/check';
import { localeOrder, localText } from '$lib/server/text/localised';
import { errorTexts, refuse } from '$lib/i18n/errors.server';

// Running a cohort: its details, trainers, join codes and module due dates (its trainers, admins).
export const load: PageServerLoad = (event) => {
	const { cohort } = runCohort(event);
	const { db } = event.locals.ctx;
	const due = dueDatesOf(db, cohort.id);
	const order = localeOrder(event.locals.locale);
	return {
		cohort,
		trainers: listCohortTrainers(db, cohort.id),
		candidates: listTrainers(db).map((u) => ({ id: u.id, name: u.name, email: u.email })),
		invites: listInvites(db, cohort.id).map((i) => ({ ...i, state: inviteState(i) })),
		modules: syllabus(db, cohort.courseId).map((mod) => ({
			id: mod.id,
			title: localText(mod.title, order),
			due: due.get(mod.id) ?? ''
		})),
		governorates: listPlaces(db, event.locals.locale).map((g) => ({ id: g.id, name: g.name })),
		origin: event.url.origin
	};
};

async function posted(event: RequestEvent) {
	const ran = runCohort(event);
	return { ...ran, form: await event.request.formData(), db: event.locals.ctx.db };
}

const field = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v.trim() : '';
};

export const actions: Actions = {
	update: async (event) => {
		const { user, cohort, form, db } = await posted(event);
		const parsed = parseForm(CohortForm, form);
		if (!parsed.ok) return fail(400, { values: parsed.echo, errors: errorTexts(parsed.errors) });
		try {
			updateCohort(db, { actorId: user.id, cohortId: cohort.id, input: parsed.value });
		} catch (e) {
			return refuse(e, { values: parsed.value });
		}
		return { saved: true };
	},
	addTrainer: async (event) => {
		const { user, cohort, form, db } = await posted(event);
		try {
			addCohortTrainer(db, {
				actorId: user.id,
				cohortId: cohort.id,
				userId: field(form, 'userId')
			});
		} catch (e) {
			return refuse(e);
		}
		return { saved: true };
	},
	removeTrainer: async (event) => {
		const { user, cohort, form, db } = await posted(event);
		try {
			removeCohortTrainer(db, {
				actorId: user.id,
				cohortId: cohort.id,
				userId: field(form, 'userId')
			});
		} catch (e) {
			return refuse(e);
		}
		return { saved: true };
	},
	invite: async (event) => {
		const { user, cohort, form, db } = await posted(event);
		const parsed = parseForm(InviteForm, form);
		if (!parsed.ok) return fail(400, { errors: errorTexts(parsed.errors) });
		const { days, capacity } = parsed.value;
		createInvite(db, {
			actorId: user.id,
			cohortId: cohort.id,
			days: Number(days),
			capacity: capacity === undefined ? null : Number(capacity)
		});
		return { saved: true };
	},
	revoke: async (event) => {
		const { user, cohort, form, db } = await posted(event);
		const inviteId = Number(field(form, 'inviteId'));
		try {
			revokeInvite(db, { actorId: user.id, cohortId: cohort.id, inviteId });
		} catch (e) {
			return refuse(e);
		}
		return { saved: true };
	},
	dueDates: async (event) => {
		const { user, cohort, form, db } = await posted(event);
		const dates = new Map<number, string | null>();
		for (const [name, value] of form.entries()) {
			const id = /^due-(\d{1,9})$/.exec(name)?.[1];
			if (id && typeof value === 'string') dates.set(Number(id), value.trim() || null);
		}
		try {
			setDueDates(db, { actorId: user.id, cohortId: cohort.id, dates });
		} catch (e) {
			return refuse(e);
		}
		return { saved: true };
	}
};
