import * as m from '$lib/paraglide/messages';
import { formatNumber } from '$lib/i18n/intl';
import { MIN_PASSWORD_LENGTH } from '$lib/server/auth/password';

// Domain and validation codes -> sentences in the page's language.
const messages: Record<string, () => string> = {
	required: () => m.error_required(),
	invalid_email: () => m.error_invalid_email(),
	password_too_short: () => m.error_password_too_short({ min: MIN_PASSWORD_LENGTH }),
	password_too_long: () => m.error_password_too_long(),
	too_long: () => m.error_too_long(),
	invalid_choice: () => m.error_invalid_choice(),
	email_taken: () => m.error_email_taken(),
	wrong_password: () => m.error_wrong_password(),
	municipality_mismatch: () => m.error_municipality_mismatch(),
	invalid_credentials: () => m.error_invalid_credentials(),
	throttled: () => m.error_throttled_soon(),
	setup_link_invalid: () => m.error_setup_link_invalid(),
	last_admin: () => m.error_last_admin(),
	enrolment_key_required: () => m.error_enrolment_key_required(),
	enrolment_key_wrong: () => m.error_enrolment_key_wrong(),
	revocation_reason_required: () => m.error_revocation_reason_required(),
	already_revoked: () => m.error_already_revoked(),
	not_found: () => m.error_not_found(),
	not_enrolled: () => m.quiz_error_not_enrolled(),
	deadline_passed: () => m.quiz_error_deadline_passed(),
	attempt_submitted: () => m.quiz_error_attempt_submitted(),
	invalid_response: () => m.quiz_error_invalid_response(),
	no_pretest: () => m.quiz_error_no_pretest(),
	answer_checked: () => m.error_answer_checked(),
	no_answer_to_check: () => m.error_no_answer_to_check(),
	feedback_after_submit: () => m.error_feedback_after_submit()
};

/** A quiz refusal that carries numbers (attempts allowed, seconds to wait), as a sentence. */
export function quizErrorText(code: string, details: Record<string, number> = {}): string {
	if (code === 'attempts_exhausted')
		return m.quiz_error_attempts_exhausted({ allowed: formatNumber(details.allowed ?? 0) });
	if (code === 'cooldown')
		return m.quiz_error_cooldown({
			minutes: formatNumber(Math.max(1, Math.ceil((details.secondsLeft ?? 0) / 60)))
		});
	return errorText(code);
}

/** The sentence for an error code, in the current locale. */
export function errorText(code: string): string {
	return (messages[code] ?? m.error_generic_body)();
}

/** Field errors (code per field) -> sentences per field. */
export function errorTexts(errors: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, errorText(v)]));
}
