import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { draftZip } from '$lib/server/studio/files/zip-export';
import { openStudioCourse } from '../../studio-course.server';

// The draft as a zip of course files, for anyone who may read the draft.
export const GET: RequestHandler = (event) => {
	const user = requireRole(event, 'trainer');
	const { course } = openStudioCourse(event.locals.ctx, user, event.params.slug);
	const zip = draftZip(event.locals.ctx.db, { courseId: course.id, slug: course.slug });
	return new Response(new Uint8Array(zip), {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${course.slug}.zip"`
		}
	});
};
