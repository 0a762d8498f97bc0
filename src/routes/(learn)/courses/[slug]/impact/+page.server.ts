import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { listPlaces } from '$lib/server/accounts/places';
import { courseImpact } from '$lib/server/reports/impact';
import { localeOrder, localText } from '$lib/server/text/localised';

// Public, and only for a course that opted in (course.yaml `impact: public`; canViewImpact):
// otherwise a 404, so the page does not reveal that a course has figures at all.
export const csr = false;

export const load: PageServerLoad = ({ locals, params }) => {
	const { db, config } = locals.ctx;
	const impact = courseImpact(db, { slug: params.slug, k: config.reportMinCell });
	if (!impact) error(404, { message: 'not_found' });
	const names = new Map(listPlaces(db, locals.locale).map((g) => [g.id, g.name]));
	return {
		k: impact.k,
		course: {
			slug: impact.course.slug,
			title: localText(impact.course.title, localeOrder(locals.locale, impact.course.locales))
		},
		certified: impact.certified,
		governoratesReached: impact.governoratesReached,
		womenShare: impact.womenCertifiedShare,
		byGovernorate: impact.byGovernorate.map((g) => ({
			label: names.get(g.governorateId) ?? g.governorateId,
			value: g.certified.hidden ? null : g.certified.value
		}))
	};
};
