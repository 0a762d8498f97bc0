import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { checkAnswer, submitAttempt } from '$lib/server/quiz/attempts/index';
import { errorText, refusal } from '$lib/i18n/errors.server';
import { isBlank, readResponse } from '$lib/quiz/responses';
import { attemptLanguageStay, switchAttemptLanguage } from '$lib/server/quiz/attempts/language';
import { ownedAttempt } from '$lib/server/quiz/attempts/load';
import { attemptOf, locateQuiz, saveForm, toReview } from '../../quiz.server';

// No framework JavaScript: the forms post as they are, and one small script saves as you go.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event);
	const { status, pretest, course, title, base } = locateQuiz(event, user);
	const { db } = event.locals.ctx;
	const wanted = event.locals.locale;
	const args = { attemptId: event.params.attemptId, userId: user.id, quizId: status.quizId };
	let view = attemptOf(event.locals.ctx, args);
	if (view.status === 'submitted') toReview(base, view);
	// Opened in another interface language (the language switcher keeps this URL): follow it while
	// nothing is answered, as the start page does; otherwise say which language and why (issue 11 §7).
	if (view.locale !== wanted && Object.keys(view.answers).length === 0) {
		switchAttemptLanguage(db, { attemptId: view.attemptId, userId: user.id, locale: wanted });
		view = attemptOf(event.locals.ctx, args);
	}
	const language =
		view.locale === wanted
			? null
			: attemptLanguageStay(
					db,
					ownedAttempt(db, { attemptId: view.attemptId, userId: user.id }),
					wanted
				);
	return {
		course,
		quiz: { slug: event.params.quiz, title, pretest },
		language,
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

/** A 400 naming each question the server could not take, with the reason beside it. */
const refuse = (questionIds: string[], message: string) =>
	fail(400, { problems: Object.fromEntries(questionIds.map((id) => [id, message])), message });

const asText = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : null);

export const actions: Actions = {
	save: async (event) => {
		const { user, view, base } = open(event);
		const form = await event.request.formData();
		const refused = saveForm(event.locals.ctx, { view, userId: user.id, form, base });
		if (refused.length) return refuse(refused, errorText('invalid_response'));
		return { saved: true };
	},
	// Immediate feedback makes the answer final, so it takes two posts: `check` saves the form and
	// asks for confirmation, `confirm` (the confirmation's button) checks.
	check: async (event) => {
		const { user, view, base } = open(event);
		const form = await event.request.formData();
		const refused = saveForm(event.locals.ctx, { view, userId: user.id, form, base });
		if (refused.length) return refuse(refused, errorText('invalid_response'));
		const confirmed = asText(form.get('confirm'));
		const questionId = confirmed ?? asText(form.get('check')) ?? '';
		const q = view.questions.find((x) => x.id === questionId);
		if (!q) return fail(400, { message: errorText('unknown_question') });
		if (isBlank(readResponse(q, form) ?? view.answers[questionId]?.response))
			return refuse([questionId], errorText('no_answer_to_check'));
		if (confirmed === null) return { confirm: questionId };
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
			return fail(r.status, { problems: { [questionId]: r.message }, message: r.message });
		}
		return { checked: questionId };
	},
	submit: async (event) => {
		const { user, view, base } = open(event);
		const { db, config } = event.locals.ctx;
		// What the form holds is saved first: a learner without JavaScript loses nothing typed.
		const form = await event.request.formData();
		const refused = saveForm(event.locals.ctx, { view, userId: user.id, form, base });
		if (refused.length) return refuse(refused, errorText('invalid_response'));
		submitAttempt(db, { attemptId: view.attemptId, userId: user.id, issuer: config });
		redirect(303, `${base}/attempt/${view.attemptId}/review`);
	}
};
