import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { checkAnswer, submitAttempt } from '$lib/server/quiz/attempts/index';
import { errorText, refusal } from '$lib/i18n/errors.server';
import { attemptOf, locateQuiz, saveForm, toReview } from '../../quiz.server';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event);
	const { status, pretest, course, title, base } = locateQuiz(event, user);
	const view = attemptOf(event.locals.ctx, {
		attemptId: event.params.attemptId,
		userId: user.id,
		quizId: status.quizId
	});
	if (view.status === 'submitted') toReview(base, view);
	return {
		course,
		quiz: { slug: event.params.quiz, title, pretest },
		attempt: {
			id: view.attemptId,
			secondsLeft: view.secondsLeft,
			questions: view.questions,
			answers: Object.fromEntries(Object.entries(view.answers).map(([id, a]) => [id, a.response])),
			immediate: view.immediateFeedback,
			checked: Object.fromEntries(
				Object.entries(view.answers).flatMap(([id, a]) => (a.checked ? [[id, a.checked]] : []))
			)
		},
		base
	};
};

function open(event: Parameters<Actions[string]>[0]) {
	const user = requireRole(event);
	const { status, base } = locateQuiz(event, user);
	const view = attemptOf(event.locals.ctx, {
		attemptId: event.params.attemptId,
		userId: user.id,
		quizId: status.quizId
	});
	if (view.status === 'submitted') toReview(base, view);
	return { user, view, base };
}

export const actions: Actions = {
	save: async (event) => {
		const { user, view, base } = open(event);
		const refused = saveForm(event.locals.ctx, {
			view,
			userId: user.id,
			form: await event.request.formData(),
			base
		});
		if (refused.length) return fail(400, { refused, message: errorText('invalid_response') });
		return { saved: true };
	},
	// Immediate feedback: save what the form holds, then check the one question asked about.
	check: async (event) => {
		const { user, view, base } = open(event);
		const form = await event.request.formData();
		const refused = saveForm(event.locals.ctx, { view, userId: user.id, form, base });
		if (refused.length) return fail(400, { refused, message: errorText('invalid_response') });
		const check = form.get('check');
		const questionId = typeof check === 'string' ? check : '';
		try {
			checkAnswer(event.locals.ctx.db, {
				attemptId: view.attemptId,
				userId: user.id,
				questionId,
				issuer: event.locals.ctx.config
			});
		} catch (e) {
			const r = refusal(e);
			// The clock or another tab closed the attempt: its review says what was kept.
			if (r.code === 'deadline_passed' || r.code === 'attempt_submitted')
				redirect(303, `${base}/attempt/${view.attemptId}/review`);
			return fail(r.status, { refused: [questionId], message: r.message });
		}
		return { checked: questionId };
	},
	submit: async (event) => {
		const { user, view, base } = open(event);
		const { db, config } = event.locals.ctx;
		// What the form holds is saved first: a learner without JavaScript loses nothing typed.
		const refused = saveForm(event.locals.ctx, {
			view,
			userId: user.id,
			form: await event.request.formData(),
			base
		});
		if (refused.length) return fail(400, { refused, message: errorText('invalid_response') });
		submitAttempt(db, { attemptId: view.attemptId, userId: user.id, issuer: config });
		redirect(303, `${base}/attempt/${view.attemptId}/review`);
	}
};
