import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { allow, canViewCohortMember, isCohortMember } from '$lib/server/access/index';
import { learnerRecord } from '$lib/server/cohorts/learner-record';
import { localeOrder, localText } from '$lib/server/text/localised';
import { reviewQuestionsView } from '$lib/quiz/review-questions';
import { runCohort } from '../../cohort.server';

// One learner's record, read-only, through a cohort its reader runs: tables and <details>, no
// framework JavaScript.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const { user, cohort, staff } = runCohort(event);
	const { db } = event.locals.ctx;
	const userId = event.params.userId;
	const member = isCohortMember(db, { cohortId: cohort.id, userId });
	// Someone outside the cohort is as absent as a user who does not exist.
	allow(canViewCohortMember(user, staff, { member }), 'not_found');
	const record = learnerRecord(db, { userId, courseId: cohort.courseId });
	if (!record) error(404, { message: 'not_found' });
	const order = localeOrder(event.locals.locale);
	const labels = { true: m.quiz_true(), false: m.quiz_false() };
	return {
		cohort: { id: cohort.id, name: cohort.name },
		learner: record.learner,
		modules: record.modules.map((mod) => ({
			id: mod.id,
			title: localText(mod.title, order),
			lessons: mod.lessons.map((l) => ({ ...l, title: localText(l.title, order) }))
		})),
		attempts: record.attempts.map((a) => ({
			id: a.id,
			title:
				a.kind === 'pretest' ? m.quiz_pretest_title() : localText(a.quizTitle, order) || a.quizSlug,
			submittedAt: a.submittedAt,
			percentage: a.review.percentage,
			status: a.review.status,
			kind: a.kind,
			questions: reviewQuestionsView(a.review, labels)
		})),
		gain: record.gain,
		certificate: record.certificate
	};
};
