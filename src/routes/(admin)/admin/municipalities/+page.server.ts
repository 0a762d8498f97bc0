import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canManageMunicipalities } from '$lib/server/access/index';
import { listPlaces } from '$lib/server/accounts/places';
import {
	checkMunicipality,
	parseMunicipalities,
	saveMunicipalities,
	type MunicipalityRow
} from '$lib/server/accounts/municipalities';
import { parseForm } from '$lib/server/input/check';
import { MunicipalityForm } from '$lib/server/input/municipalities';
import { errorText, errorTexts } from '$lib/i18n/errors.server';

const admin = (event: RequestEvent) => {
	const actor = requireRole(event);
	allow(canManageMunicipalities(actor));
	return actor;
};

/** Each refused line with its problems in the page's language. */
const lineErrors = (rows: MunicipalityRow[]) =>
	rows
		.filter((r) => r.problems.length)
		.map((r) => ({ line: r.line, problems: r.problems.map(errorText).join(' ') }));

export const load: PageServerLoad = (event) => {
	admin(event);
	return { places: listPlaces(event.locals.ctx.db, event.locals.locale) };
};

export const actions: Actions = {
	add: async (event) => {
		const actor = admin(event);
		const data = await event.request.formData();
		const parsed = parseForm(MunicipalityForm, data);
		if (!parsed.ok) return fail(400, { add: parsed.echo, errors: errorTexts(parsed.errors) });
		const v = parsed.value;
		const db = event.locals.ctx.db;
		const row = checkMunicipality(db, [v.code, v.governorate, v.nameAr, v.nameFr, v.nameEn]);
		if (!row.value) {
			const problems = lineErrors([row])[0]?.problems ?? '';
			return fail(400, { add: v, errors: { form: problems } });
		}
		const saved = saveMunicipalities(db, { rows: [row.value], actorId: actor.id });
		return { saved };
	},
	import: async (event) => {
		const actor = admin(event);
		const file = (await event.request.formData()).get('file');
		const text = file instanceof File && file.size > 0 ? await file.text() : null;
		const db = event.locals.ctx.db;
		const rows = text === null ? null : parseMunicipalities(db, text);
		if (!rows?.length) return fail(400, { fileError: errorText('municipality_file_unreadable') });
		const lines = lineErrors(rows);
		if (lines.length) return fail(400, { lines });
		const saved = saveMunicipalities(db, {
			rows: rows.flatMap((r) => (r.value ? [r.value] : [])),
			actorId: actor.id
		});
		return { saved };
	}
};
