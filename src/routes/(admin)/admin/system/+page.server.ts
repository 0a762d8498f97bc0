import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canAudit } from '$lib/server/access/index';
import { systemStatus } from '$lib/server/ops/system-status';

export const load: PageServerLoad = async (event) => {
	allow(canAudit(requireRole(event)));
	return { status: await systemStatus(event.locals.ctx.config) };
};
