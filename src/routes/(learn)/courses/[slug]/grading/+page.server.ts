import type { PageServerLoad } from './$types';
import { allow, canGradeCourse, courseStaff, visibleLearners } from '$lib/server/access/index';
import { essaysToGrade } from '$lib/server/quiz/attempts/index';
import { localText } from '$lib/server/text/localised';
import { gradingCourse } from './grading.server';
import { readCohortFilter } from '$lib/server/cohorts/cohort-filter';

// A list of links: no framework JavaScript needed.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const { user, db, locales, course } = gradingCourse(event);
	const visible = visibleLearners(db, user, course.id);
	const runsCohort = visible.all || visible.ids.size > 0;
	allow(canGradeCourse(user, courseStaff(db, course.id), runsCohort));
	// Names are personal data: a trainer lists only the learners of the cohorts they run.
	// Narrowed to one cohort with `?cohort=ID`, among the cohorts the reader runs.
	const cohorts = readCohortFilter(db, {
		actor: user,
		courseId: course.id,
		param: event.url.searchParams.get('cohort')
	});
	const learners = cohorts.learners ?? (visible.all ? null : [...visible.ids]);
	return {
		course: { slug: course.slug, title: course.title },
		cohorts: { choices: cohorts.choices, chosen: cohorts.chosen },
		queue: essaysToGrade(db, { courseId: course.id, learners }).map((e) => ({
			...e,
			quizTitle: localText(e.quizTitle, locales) || e.quizSlug,
			submittedAt: e.submittedAt.toISOString()
		}))
	};
};
