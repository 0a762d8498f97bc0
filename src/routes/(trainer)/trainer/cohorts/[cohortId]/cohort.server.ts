import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canRunCohort, cohortStaff } from '$lib/server/access/index';
import { getCohort } from '$lib/server/cohorts/cohorts';

type Event = { locals: App.Locals; url: URL; params: { cohortId: string } };

/**
 * The cohort of the URL, for one of its trainers or an admin. Another trainer gets the same 404
 * as a cohort that does not exist, so ids cannot be probed.
 */
export function runCohort(event: Event) {
	const user = requireRole(event, 'trainer');
	const id = Number(event.params.cohortId);
	const staff = Number.isSafeInteger(id) && id > 0 ? cohortStaff(event.locals.ctx.db, id) : null;
	if (!staff) error(404, { message: 'not_found' });
	allow(canRunCohort(user, staff), 'not_found');
	const cohort = getCohort(event.locals.ctx.db, id);
	if (!cohort) error(404, { message: 'not_found' });
	return { user, cohort, staff };
}
