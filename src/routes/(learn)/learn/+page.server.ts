import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { myLearning } from '$lib/server/learning/course-view';
import { localeOrder, localText } from '$lib/server/text/localised';
import { quizStatusForCourse } from '$lib/server/quiz/attempts/index';
import { listCertificates, toPublic } from '$lib/server/certificates/registry';
import { assignmentState, isAssignmentSlug } from '$lib/server/courses/assignments';
import { presentNextStep } from '$lib/server/learning/next-step-view';
import { presentCohortNews } from '$lib/server/cohorts/learner-news';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event);
	const { locale } = event.locals;
	const { db } = event.locals.ctx;
	return {
		courses: myLearning(db, { userId: user.id }).map(
			({ course, modules, progress, resume, next }) => {
				const order = localeOrder(locale, course.locales);
				const statuses = quizStatusForCourse(db, { userId: user.id, courseId: course.id });
				return {
					slug: course.slug,
					title: localText(course.title, order),
					percent: progress.percent,
					done: progress.done,
					total: progress.total,
					resume: resume
						? `/courses/${course.slug}/${resume.moduleSlug}/${resume.lessonSlug}`
						: null,
					next: presentNextStep(next, { courseSlug: course.slug, modules, order }),
					news: presentCohortNews(db, {
						userId: user.id,
						courseId: course.id,
						modules,
						progress,
						order
					}),
					// Quizzes not passed yet: what is left before the certificate.
					pendingQuizzes: statuses
						.filter((q) => !q.passed && !isAssignmentSlug(q.slug))
						.map((q) => ({
							slug: q.slug,
							title: localText(q.title, order),
							attempts: q.attempts,
							open: q.openAttemptId !== null
						})),
					assignments: statuses
						.filter((q) => isAssignmentSlug(q.slug))
						.map((q) => ({
							slug: q.slug,
							title: localText(q.title, order) || q.slug,
							state: assignmentState(q),
							percent: q.bestPercentage
						}))
				};
			}
		),
		certificates: listCertificates(db, { userId: user.id })
			.map(toPublic)
			.map((c) => ({
				code: c.code,
				type: c.type,
				title: localText(c.courseTitle, localeOrder(locale, c.locales)),
				issuedAt: c.issuedAt,
				revokedAt: c.revoked?.at ?? null
			}))
	};
};
