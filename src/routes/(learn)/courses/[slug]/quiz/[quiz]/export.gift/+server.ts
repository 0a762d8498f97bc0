import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { allow, canExportQuiz, courseStaff } from '$lib/server/access/index';
import { liveQuestions } from '$lib/server/quiz/attempts/load';
import { exportGift } from '$lib/server/quiz/formats/export-gift';
import { locateQuiz } from '../quiz.server';

/** The quiz's questions as GIFT in the page's language, for the course's trainers taking them to Moodle. */
export const GET: RequestHandler = (event) => {
	const user = requireRole(event);
	const { view, status } = locateQuiz(event, user);
	allow(canExportQuiz(user, courseStaff(event.locals.ctx.db, view.course.id)));
	const locale = view.course.locales.includes(event.locals.locale)
		? event.locals.locale
		: (view.course.locales[0] ?? event.locals.locale);
	const gift = exportGift(liveQuestions(event.locals.ctx.db, status.quizId), {
		locale,
		category: `${view.course.slug}/${status.slug}`
	});
	return new Response(gift, {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'content-disposition': `attachment; filename="${view.course.slug}-${status.slug}.${locale}.gift"`
		}
	});
};
