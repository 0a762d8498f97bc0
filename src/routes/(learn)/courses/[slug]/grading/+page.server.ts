import type { PageServerLoad } from './$types';
import { allow, canGradeCourse, courseStaff } from '$lib/server/access/index';
import { essaysToGrade } from '$lib/server/quiz/attempts/index';
import { localText } from '$lib/server/text/localised';
import { gradingCourse } from './grading.server';

// A list of links: no framework JavaScript needed.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const { user, db, locales, course } = gradingCourse(event);
	allow(canGradeCourse(user, courseStaff(db, course.id)));
	return {
		course: { slug: course.slug, title: course.title },
		queue: essaysToGrade(db, { courseId: course.id }).map((e) => ({
			...e,
			quizTitle: localText(e.quizTitle, locales) || e.quizSlug,
			submittedAt: e.submittedAt.toISOString()
		}))
	};
};
