import * as m from '$lib/paraglide/messages';
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
	setup_link_invalid: () => m.error_setup_link_invalid(),
	last_admin: () => m.error_last_admin(),
	enrolment_key_required: () => m.error_enrolment_key_required(),
	enrolment_key_wrong: () => m.error_enrolment_key_wrong()
};

/** The sentence for an error code, in the current locale. */
export function errorText(code: string): string {
	return (messages[code] ?? m.error_generic_body)();
}

/** Field errors (code per field) -> sentences per field. */
export function errorTexts(errors: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, errorText(v)]));
}
